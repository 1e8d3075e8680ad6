# lit configuration for forksafe's checker tests. One file per behaviour;
# expectations are inline (CHECK lines) and FileCheck runs with
# --implicit-check-not so any stray warning or note fails the test.
import os
import lit.formats

config.name = "forksafe"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "runtime", "servers", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)

src = config.forksafe_src_root
tests = os.path.join(src, "tests")
config.substitutions.append(("%forksafe", os.path.join(config.forksafe_bin_dir, "forksafe")))
config.substitutions.append(("%mocks", os.path.join(tests, "Inputs", "Headers")))
config.substitutions.append(("%inputs", os.path.join(tests, "Inputs")))
config.substitutions.append(("%rules", os.path.join(src, "rules")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%srcroot", src))
config.substitutions.append(
    ("%expect_exit", config.python_executable + " " + os.path.join(tests, "bin", "expect-exit.py")))
for tool in ["cache-tool", "run-concurrently", "check-report"]:
    config.substitutions.append(
        ("%" + tool.replace("-", "_"),
         config.python_executable + " " + os.path.join(tests, "bin", tool + ".py")))
config.substitutions.append(
    ("%make_compdb", config.python_executable + " " + os.path.join(tests, "bin", "make-compdb.py")))

# FileCheck, not and count come from llvm-19-tools.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["CLANG_NO_DEFAULT_CONFIG"] = "1"
for var in ["ASAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS", "HOME", "TMPDIR"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]
if config.sanitized:
    config.available_features.add("sanitized")
if os.path.exists("/usr/include/mariadb/mysql.h"):
    config.available_features.add("mariadb-headers")

# The official SARIF 2.1.0 schema ships in ../shared beside the repository.
sarif_schema = os.path.join(src, "..", "shared", "data", "sarif-schema-2.1.0.json")
if os.path.exists(sarif_schema):
    config.available_features.add("sarif-schema")
    config.substitutions.append(("%sarif_schema", sarif_schema))
