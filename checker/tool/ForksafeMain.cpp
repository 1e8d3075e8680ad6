// SPDX-License-Identifier: Apache-2.0
// The forksafe command line: clang-tidy's vocabulary over
// compile_commands.json, whole-program analysis, CI-friendly exit codes.
#include "forksafe/Analysis.h"
#include "forksafe/Checks.h"
#include "forksafe/Driver.h"
#include "forksafe/Program.h"
#include "forksafe/Report.h"
#include "forksafe/Rules.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <thread>

using namespace llvm;
using namespace forksafe;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitPartial = 3 };

cl::OptionCategory Category("forksafe options");

const char *const Overview = R"(forksafe finds database and other fork-unsafe handles that are live when a
process forks and are then used (or closed) in the child.

  forksafe -p BUILD_DIR [FILES...]   analyse FILES, or every entry of
                                     BUILD_DIR/compile_commands.json
  forksafe FILES... -- FLAGS         analyse FILES compiled with FLAGS

Exit codes:
  0  no findings
  1  findings were reported
  2  bad invocation, configuration, rule file or compilation database
  3  some translation units could not be analysed (each is named on stderr
     with the reason; the others were analysed and their findings reported)
)";

cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("Comma-separated check globs, '-' removes "
                                     "(as clang-tidy); default: forksafe-*"),
                            cl::init("forksafe-*"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::list<std::string> RulePaths("rules",
                                cl::desc("Extra rule file or directory (repeatable)"),
                                cl::value_desc("file|dir"), cl::cat(Category));
cl::opt<bool> NoDefaultRules("no-default-rules",
                             cl::desc("Do not load the installed rule files"),
                             cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Parallel jobs (default: number of cores)"),
                       cl::init(0), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line"),
                    cl::cat(Category));
cl::opt<bool> DumpFacts("dump-facts",
                        cl::desc("Print each TU's facts as JSON and exit (debugging)"),
                        cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append an argument to each compile command"),
                                cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::desc("Prepend an argument to each compile command"),
    cl::cat(Category));

std::string defaultRulesDir(const char *Argv0) {
  // Installed: <prefix>/bin/forksafe -> <prefix>/share/forksafe/rules.
  std::string Exe = sys::fs::getMainExecutable(Argv0, (void *)&defaultRulesDir);
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Dir, "share", "forksafe", "rules");
  if (sys::fs::is_directory(Dir))
    return std::string(Dir.str());
  return FORKSAFE_SOURCE_RULES_DIR; // running from the build tree
}

/// Checks that Path holds a JSON array of objects; Err says what is wrong.
bool checkCompileCommandsJson(const std::string &Path, std::string &Err) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf) {
    Err = Buf.getError().message();
    return false;
  }
  nlohmann::json J = nlohmann::json::parse((*Buf)->getBuffer().begin(),
                                           (*Buf)->getBuffer().end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (J.is_discarded()) {
    Err = "not valid JSON (truncated or malformed)";
    return false;
  }
  if (!J.is_array()) {
    Err = "expected a JSON array of compile commands";
    return false;
  }
  for (size_t I = 0; I < J.size(); ++I) {
    const nlohmann::json &E = J[I];
    if (!E.is_object() || !E.contains("directory") || !E.contains("file") ||
        !(E.contains("command") || E.contains("arguments"))) {
      Err = "entry " + std::to_string(I) +
            " needs 'directory', 'file' and 'command' or 'arguments'";
      return false;
    }
  }
  return true;
}

int fail(const std::string &Message) {
  errs() << "forksafe: error: " << Message << "\n";
  return ExitUsage;
}

} // namespace

int main(int argc, const char **argv) {
  // 'forksafe FILE -- FLAGS': everything after '--' is a fixed database.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          argc, argv, FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "forksafe " << FORKSAFE_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &ParseOS)) {
    ParseOS.flush();
    // llvm::cl's first line says what was wrong; keep just that.
    std::string First = ParseErrors.substr(0, ParseErrors.find('\n'));
    if (First.rfind("forksafe: ", 0) == 0)
      First = First.substr(10);
    return fail(First);
  }

  CheckFilter Filter(Checks);
  for (const std::string &Unknown : Filter.unknownNames())
    return fail("unknown check '" + Unknown + "' in --checks (see --list-checks)");

  RuleSet Rules;
  std::vector<std::string> Sources;
  if (!NoDefaultRules)
    Sources.push_back(defaultRulesDir(argv[0]));
  Sources.insert(Sources.end(), RulePaths.begin(), RulePaths.end());
  std::vector<RuleError> RuleErrors;
  for (const std::string &S : Sources) {
    std::vector<RuleError> E = loadRules(S, Rules);
    RuleErrors.insert(RuleErrors.end(), E.begin(), E.end());
  }
  if (!RuleErrors.empty()) {
    for (const RuleError &E : RuleErrors)
      errs() << "forksafe: error: " << E.str() << "\n";
    return ExitUsage;
  }

  bool AnyEnabled = false;
  for (const CheckInfo &C : allChecks())
    AnyEnabled |= Filter.enabled(C.Name);
  if (!AnyEnabled && !ListChecks)
    return fail("no checks enabled by --checks='" + Checks + "'");

  if (ListChecks) {
    outs() << "Enabled checks:\n";
    for (const CheckInfo &C : allChecks())
      if (Filter.enabled(C.Name))
        outs() << "    " << C.Name << "\n";
    return ExitClean;
  }

  // The compilation database: '--', then -p, then next to the first file.
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = std::move(Fixed);
  if (!DB && !BuildPath.empty()) {
    if (!sys::fs::is_directory(BuildPath))
      return fail("build directory '" + BuildPath + "' does not exist");
    SmallString<256> Json(BuildPath);
    sys::path::append(Json, "compile_commands.json");
    if (!sys::fs::exists(Json))
      return fail("no compile_commands.json in '" + BuildPath +
                  "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON or "
                  "use bear)");
    // Validate the JSON first: LLVM's loader prints parser noise to stderr.
    std::string Err;
    if (!checkCompileCommandsJson(std::string(Json.str()), Err))
      return fail("cannot read '" + std::string(Json.str()) + "': " + Err);
    DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
        Json, Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB) {
      std::string Why = Err.substr(0, Err.find('\n'));
      return fail("cannot read '" + std::string(Json.str()) + "': " + Why);
    }
  }
  if (!DB && !Files.empty()) {
    std::string Err;
    DB = clang::tooling::CompilationDatabase::autoDetectFromSource(Files[0], Err);
  }
  if (!DB)
    return fail("no compilation database: pass -p BUILD_DIR, or the compile "
                "flags after '--'");

  std::vector<std::string> Targets(Files.begin(), Files.end());
  if (Targets.empty()) {
    Targets = DB->getAllFiles();
    if (Targets.empty())
      return fail("the compilation database has no entries and no files were "
                  "given");
  }
  std::vector<clang::tooling::CompileCommand> Commands;
  std::vector<std::string> Missing;
  for (const std::string &F : Targets) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    if (!Files.empty() && !sys::fs::exists(Abs))
      return fail("no such file: '" + F + "'");
    std::vector<clang::tooling::CompileCommand> Cmds =
        DB->getCompileCommands(Abs);
    if (Cmds.empty()) {
      Missing.push_back(std::string(Abs.str()));
      continue;
    }
    // Several entries for one file (built twice): the first is enough.
    Commands.push_back(Cmds.front());
  }

  DriverOptions Options;
  Options.Jobs = Jobs ? unsigned(Jobs) : std::max(1u, std::thread::hardware_concurrency());
  Options.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Options.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  if (sys::fs::is_directory(FORKSAFE_CLANG_RESOURCE_DIR))
    Options.ResourceDir = FORKSAFE_CLANG_RESOURCE_DIR;

  std::vector<TUOutcome> Outcomes = extractAll(Commands, Rules, Options);
  std::vector<TUFacts> Facts;
  unsigned Failed = 0;
  for (const std::string &M : Missing) {
    errs() << "forksafe: error: " << M
           << " could not be analysed: no compile command for it in the "
              "compilation database\n";
    ++Failed;
  }
  for (TUOutcome &O : Outcomes) {
    if (!O.Ok) {
      errs() << "forksafe: error: " << O.File
             << " could not be analysed: " << O.Error << "\n";
      ++Failed;
      continue;
    }
    if (DumpFacts)
      std::cout << factsToJson(O.Facts, /*Pretty=*/true) << "\n";
    Facts.push_back(std::move(O.Facts));
  }
  if (DumpFacts)
    return Failed ? ExitPartial : ExitClean;
  size_t Analysed = Facts.size();

  Program P = link(std::move(Facts));
  CheckSelection Selected;
  Selected.InheritedHandle = Filter.enabled("forksafe-inherited-handle");
  Selected.InheritedHandleClose = Filter.enabled("forksafe-inherited-handle-close");
  std::vector<Finding> Findings = findHandleFindings(P, Rules, Selected);
  std::cout.flush();
  writeText(Findings, std::cout);
  std::cout.flush();
  if (!Quiet)
    errs() << "forksafe: " << Findings.size() << " finding"
           << (Findings.size() == 1 ? "" : "s") << " in " << Analysed
           << " translation unit" << (Analysed == 1 ? "" : "s")
           << (Failed ? " (" + std::to_string(Failed) + " not analysed)" : "")
           << "\n";
  if (Failed)
    return ExitPartial;
  return Findings.empty() ? ExitClean : ExitFindings;
}
