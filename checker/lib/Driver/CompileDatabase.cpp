// SPDX-License-Identifier: Apache-2.0
// Reading compile_commands.json: the file comes from the project being
// checked (possibly a stranger's pull request), so it is validated before
// LLVM's loader sees it, and every failure is one line.
#include "forksafe/Driver.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

namespace forksafe {
namespace {

/// Response files ('@args.rsp') expanded as the compiler would, like
/// clang::tooling::expandResponseFiles, but quietly: LLVM's version prints
/// an expansion error (a response file that includes itself) to stderr with
/// no newline. Here such a command keeps its arguments unexpanded, and the
/// translation unit is reported as not analysed because the compiler
/// cannot open '@args.rsp'.
class ResponseFileDatabase : public clang::tooling::CompilationDatabase {
public:
  ResponseFileDatabase(
      std::unique_ptr<clang::tooling::CompilationDatabase> Base,
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : Base(std::move(Base)), FS(std::move(FS)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return expand(Base->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override {
    return expand(Base->getAllCompileCommands());
  }

private:
  std::vector<clang::tooling::CompileCommand>
  expand(std::vector<clang::tooling::CompileCommand> Cmds) const {
    for (clang::tooling::CompileCommand &Cmd : Cmds) {
      bool HasResponseFile = false;
      llvm::SmallVector<const char *, 32> Argv;
      for (const std::string &A : Cmd.CommandLine) {
        HasResponseFile |= !A.empty() && A[0] == '@';
        Argv.push_back(A.c_str());
      }
      if (!HasResponseFile)
        continue;
      llvm::BumpPtrAllocator Alloc;
      llvm::cl::ExpansionContext Expand(Alloc,
                                        llvm::cl::TokenizeGNUCommandLine);
      Expand.setVFS(FS.get()).setCurrentDir(Cmd.Directory);
      if (llvm::Error E = Expand.expandResponseFiles(Argv)) {
        llvm::consumeError(std::move(E));
        continue;
      }
      Cmd.CommandLine.assign(Argv.begin(), Argv.end());
    }
    return Cmds;
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> Base;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
};

} // namespace

std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileCommandsJson(llvm::StringRef Text, llvm::StringRef DatabaseDir,
                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                        std::string &Error) {
  namespace path = llvm::sys::path;
  // Validate the JSON first: LLVM's loader prints parser noise to stderr.
  // An entry nests three levels deep; deeper values are not kept (writing
  // them out again recurses once per level: '[[[[...' a megabyte long
  // overflowed the stack).
  constexpr int MaxDepth = 16;
  bool TooDeep = false;
  nlohmann::json J = nlohmann::json::parse(
      Text.begin(), Text.end(),
      [&](int Depth, nlohmann::json::parse_event_t, nlohmann::json &) {
        TooDeep |= Depth > MaxDepth;
        return Depth <= MaxDepth;
      },
      /*allow_exceptions=*/false);
  if (J.is_discarded()) {
    Error = "not valid JSON (truncated or malformed)";
    return nullptr;
  }
  if (TooDeep) {
    Error = "nested more than " + std::to_string(MaxDepth) + " levels deep";
    return nullptr;
  }
  if (!J.is_array()) {
    Error = "expected a JSON array of compile commands";
    return nullptr;
  }
  for (size_t I = 0; I < J.size(); ++I) {
    const nlohmann::json &E = J[I];
    if (!E.is_object() || !E.contains("directory") || !E.contains("file") ||
        !(E.contains("command") || E.contains("arguments"))) {
      Error = "entry " + std::to_string(I) +
              " needs 'directory', 'file' and 'command' or 'arguments'";
      return nullptr;
    }
  }
  // Relative "directory" entries are relative to the database's own
  // directory (not ours).
  for (nlohmann::json &E : J)
    if (E["directory"].is_string() &&
        !path::is_absolute(E["directory"].get<std::string>())) {
      llvm::SmallString<256> Dir(DatabaseDir);
      path::append(Dir, E["directory"].get<std::string>());
      path::remove_dots(Dir, true);
      E["directory"] = std::string(Dir.str());
    }
  std::string Fixed =
      J.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string Err;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Fixed, Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = Err.substr(0, Err.find('\n'));
    return nullptr;
  }
  return std::make_unique<ResponseFileDatabase>(std::move(DB), std::move(FS));
}

} // namespace forksafe
