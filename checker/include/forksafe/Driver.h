// SPDX-License-Identifier: Apache-2.0
/// Running extraction over compile commands: one TU, or many in parallel.
#pragma once

#include "forksafe/Extract.h"
#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/Tooling/CompilationDatabase.h"

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
  std::string Error; // why the TU could not be analysed
  TUFacts Facts;
};

/// Parses and extracts one TU. Never throws; errors land in TUOutcome.
TUOutcome extractTranslationUnit(const clang::tooling::CompileCommand &Command,
                                 const RuleSet &Rules,
                                 const DriverOptions &Options);

/// Extracts every command with Options.Jobs threads. The result is in the
/// order of Commands whatever the thread count. Progress (may be null) is
/// called after each TU, from worker threads, serialised.
std::vector<TUOutcome>
extractAll(const std::vector<clang::tooling::CompileCommand> &Commands,
           const RuleSet &Rules, const DriverOptions &Options,
           const std::function<void(size_t Done, const TUOutcome &)> &Progress =
               nullptr);

} // namespace forksafe
