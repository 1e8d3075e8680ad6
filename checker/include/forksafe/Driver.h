// SPDX-License-Identifier: Apache-2.0
/// Running extraction over compile commands: one TU, or many in parallel.
#pragma once

#include "forksafe/Extract.h"
#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <functional>
#include <string>
#include <vector>

namespace forksafe {

struct DriverOptions {
  ExtractOptions Extract;
  std::vector<std::string> ExtraArgs;       // appended to each command
  std::vector<std::string> ExtraArgsBefore; // inserted after the compiler
  std::string ResourceDir;                  // clang's builtin headers
  unsigned Jobs = 1;
};

struct TUOutcome {
  std::string File;
  bool Ok = false;
  bool FromCache = false;
  std::string Error; // why the TU could not be analysed
  TUFacts Facts;
  std::vector<std::string> Inputs; // every file the TU read (cache key)
};

/// Removes what would make the compiler load or run code named by the input
/// (-fplugin=, -fpass-plugin=, -B, --prefix, --config files, and -load,
/// -plugin*, -add-plugin, -fpass-plugin= forwarded to the frontend by
/// -Xclang, -Xclang=, -Xpreprocessor, -Xanalyzer or -Wp,). In is a whole
/// command line: In[0] is the compiler, kept as it is and never read as an
/// option; the rest are paired as clang's driver pairs them.
std::vector<std::string> dropUnsafeArguments(const std::vector<std::string> &In,
                                             std::vector<std::string> *Dropped);

/// Reads the text of a compile_commands.json: checked to be an array of
/// entries with 'directory', 'file' and 'command' or 'arguments' before
/// LLVM's loader sees it; relative directories are made absolute against
/// DatabaseDir (absolute: where the database lives); response files are
/// read through FS. Returns null and sets Error (one line) on bad input.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileCommandsJson(llvm::StringRef Text, llvm::StringRef DatabaseDir,
                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                        std::string &Error);

/// The command line extraction runs for a compile command: unsafe arguments
/// dropped, output and dependency files stripped, -fsyntax-only, and the
/// --extra-arg(-before) arguments, -w and the resource directory added.
std::vector<std::string>
extractionCommandLine(const clang::tooling::CompileCommand &Command,
                      const DriverOptions &Options);

/// Parses and extracts one TU. Never throws; errors land in TUOutcome.
TUOutcome extractTranslationUnit(const clang::tooling::CompileCommand &Command,
                                 const RuleSet &Rules,
                                 const DriverOptions &Options);

struct IsolationOptions {
  unsigned TimeoutSeconds = 0; // per TU; 0: no limit
  std::string ScratchDir;      // where workers leave their results
};

/// Extracts every command, each in its own forked worker process (at most
/// Options.Jobs at a time), so a TU that crashes or runs away is reported
/// as not analysed instead of taking the run down. The result is in the
/// order of Commands whatever the job count. Must be called from a
/// single-threaded process. Progress (may be null) is called as TUs finish.
std::vector<TUOutcome>
extractIsolated(const std::vector<clang::tooling::CompileCommand> &Commands,
                const RuleSet &Rules, const DriverOptions &Options,
                const IsolationOptions &Isolation,
                const std::function<void(size_t Done, const TUOutcome &)>
                    &Progress = nullptr);

} // namespace forksafe
