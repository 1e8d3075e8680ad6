// SPDX-License-Identifier: Apache-2.0
// Fuzz target: reading compile_commands.json and turning its commands into
// the command lines extraction runs (CompileDatabase.cpp, ExtractTU.cpp).
// A compile database may come from a stranger's pull request. Response
// files are read from an in-memory file system, never from disk. Beyond
// "no crash", the command line that would reach the compiler must not ask
// it to load or run anything (plugins, pass plugins, -B tool directories,
// configuration files), however the arguments are spelled or split.
#include "forksafe/Driver.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace forksafe;

namespace {

void require(bool Cond, const char *What, const std::string &Arg = "") {
  if (Cond)
    return;
  fprintf(stderr, "FuzzCompileCommands: property violated: %s%s%s\n", What,
          Arg.empty() ? "" : ": ", Arg.c_str());
  abort();
}

bool startsWith(const std::string &S, const char *Prefix) {
  return S.rfind(Prefix, 0) == 0;
}

/// A frontend (cc1) argument that loads code or names a plugin.
bool unsafeFrontendArg(const std::string &A) {
  for (const char *P : {"-load", "-plugin", "-add-plugin", "-fpass-plugin",
                        "-fplugin"})
    if (startsWith(A, P))
      return true;
  return false;
}

/// What clang's driver would make of Args (a whole command line, read as it
/// reads them: Args[0] is the program, not an option; the
/// argument after -Xclang, -Xpreprocessor or -Xanalyzer goes to the
/// frontend as is, -Wp,a,b passes a and b): nothing that loads code, names
/// a tool directory or reads more arguments from a configuration file.
void checkSafe(const std::vector<std::string> &Args) {
  for (size_t I = 1; I < Args.size(); ++I) { // Args[0]: the compiler
    const std::string &A = Args[I];
    if ((A == "-Xclang" || A == "-Xpreprocessor" || A == "-Xanalyzer") &&
        I + 1 < Args.size()) {
      require(!unsafeFrontendArg(Args[I + 1]),
              "a plugin is forwarded to the frontend", A + " " + Args[I + 1]);
      ++I;
      continue;
    }
    if (startsWith(A, "-Xclang="))
      require(!unsafeFrontendArg(A.substr(8)),
              "a plugin is forwarded to the frontend", A);
    if (startsWith(A, "-Wp,"))
      for (size_t P = 4, C; P <= A.size(); P = C + 1) {
        C = std::min(A.find(',', P), A.size());
        require(!unsafeFrontendArg(A.substr(P, C - P)),
                "a plugin is forwarded to the frontend", A);
      }
    require(!startsWith(A, "-fplugin=") && !startsWith(A, "-fplugin-arg-"),
            "a plugin reaches the compiler", A);
    require(!startsWith(A, "-fpass-plugin="),
            "a pass plugin reaches the compiler", A);
    require(!startsWith(A, "-B") && A != "--prefix" &&
                !startsWith(A, "--prefix="),
            "a tool directory reaches the compiler", A);
    require(A != "--config" && !startsWith(A, "--config=") &&
                !startsWith(A, "--config-system-dir") &&
                !startsWith(A, "--config-user-dir"),
            "a configuration file reaches the compiler", A);
  }
}

llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> files() {
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  FS->setCurrentWorkingDirectory("/fuzz/build");
  auto add = [&](const char *Path, const char *Text) {
    FS->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text));
  };
  add("/fuzz/src/a.c", "int main(void) { return 0; }\n");
  add("/fuzz/build/args.rsp", "-I/fuzz/include -DX=1 @nested.rsp\n");
  add("/fuzz/build/nested.rsp", "-Xclang -load -Xclang /fuzz/evil.so\n");
  add("/fuzz/build/evil.rsp", "-fplugin=/fuzz/evil.so --config=/fuzz/x.cfg\n");
  add("/fuzz/build/self.rsp", "@self.rsp\n");
  return FS;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      loadCompileCommandsJson(Text, "/fuzz/build", files(), Error);
  if (!DB) {
    require(!Error.empty(), "a rejected database says why");
    require(Error.find('\n') == std::string::npos,
            "a rejected database is explained in one line");
    return 0;
  }
  DriverOptions Options;
  Options.ExtraArgs = {"-DFUZZ"};
  Options.ExtraArgsBefore = {"-I/fuzz/extra"};
  Options.ResourceDir = "/fuzz/resource";
  std::vector<std::string> All = DB->getAllFiles();
  if (All.size() > 64)
    All.resize(64);
  All.push_back("/fuzz/src/a.c");
  for (const std::string &File : All)
    for (const clang::tooling::CompileCommand &C : DB->getCompileCommands(File)) {
      std::vector<std::string> Dropped;
      std::vector<std::string> Kept = dropUnsafeArguments(C.CommandLine, &Dropped);
      require(Kept.size() + Dropped.size() <= C.CommandLine.size(),
              "dropping never adds arguments");
      checkSafe(Kept);
      checkSafe(extractionCommandLine(C, Options));
    }
  for (const clang::tooling::CompileCommand &C : DB->getAllCompileCommands())
    checkSafe(extractionCommandLine(C, Options));
  return 0;
}
