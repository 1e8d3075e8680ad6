// SPDX-License-Identifier: Apache-2.0
/// A forksafe check inside clang-tidy: a thin adapter over the engine's
/// session (forksafe/Session.h), the same one the CLI drives. The module
/// registers one EngineCheck per entry of the check registry
/// (forksafe/Checks.h).
///
/// The checks of one translation unit share one analysis: the first to run
/// extracts the unit's facts, links them (with ProgramFacts' units, read
/// once per process) and analyses once for every enabled forksafe check;
/// each check then reports the findings it owns as clang-tidy diagnostics.
///
/// Options: the engine's (engineOptions() in forksafe/Checks.h), named as
/// the CLI reads them from .clang-tidy, forksafe-inherited-handle.<Option>,
/// and shared by every check, so one .clang-tidy configures the CLI and
/// the plugin alike. Relative RuleFiles are relative to the directory
/// clang-tidy runs in.
#pragma once

#include "forksafe/Checks.h"
#include "forksafe/Session.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <memory>
#include <string>
#include <vector>

namespace forksafe::tidy {

struct SharedSession;

class EngineCheck : public clang::tidy::ClangTidyCheck {
public:
  EngineCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
              CheckId Id);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  CheckId Id;
  OptionsView Engine; // forksafe-inherited-handle.* for every check
  EngineSettings Settings;
  std::string SettingsKey; // every option's value: which session
  CheckSelection Enabled;  // the registry's checks enabled in this context
  std::shared_ptr<SharedSession> Shared;
};

} // namespace forksafe::tidy
