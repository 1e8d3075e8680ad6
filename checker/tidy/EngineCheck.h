// SPDX-License-Identifier: Apache-2.0
/// The clang-tidy side of a forksafe check: a thin adapter over the same
/// engine as the CLI. Within one translation unit it extracts the facts,
/// links that one unit, runs the analysis with only this check selected and
/// reports each finding and its notes as clang-tidy diagnostics.
#pragma once

#include "forksafe/Analysis.h"
#include "forksafe/Extract.h"
#include "forksafe/FixIts.h"
#include "forksafe/Rules.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <memory>
#include <string>
#include <vector>

namespace forksafe::tidy {

/// Rules loaded from one list of sources, shared by every check instance
/// (clang-tidy makes new check objects for each translation unit).
struct LoadedRules {
  RuleSet Rules;
  std::string Digest;
  std::vector<RuleError> Errors;
  mutable bool Reported = false; // errors are reported once per process
};

/// Options. There is one set for the engine, named as the CLI reads them
/// from .clang-tidy, forksafe-inherited-handle.<Option>, and both checks
/// use it, so one .clang-tidy configures the CLI and the plugin alike:
///   RuleFiles          ';'-separated extra rule files or directories (the
///                      CLI's --rules); relative paths are relative to the
///                      directory clang-tidy runs in.
///   LocalHandles       track local handle variables (default true).
///   ReportLatent       also report latent findings (default false).
///   ExtraForkFunctions ';'-separated user functions that fork.
///   LazyHandleStyle    how the lazy-handle fix-it spells a lazy handle:
///                      per_process (default), function or none.
/// Plugin-only:
///   DefaultRules       load the bundled rules (share/forksafe/rules next to
///                      the installed plugin); false = --no-default-rules.
///   ProgramFacts       a directory of *.facts.json written by
///                      'forksafe extract -p BUILD --facts-dir=DIR'. When set,
///                      this unit's fresh facts are linked with the other
///                      units' facts, so findings that span translation units
///                      are reported (by the unit holding the handle's
///                      definition; notes may point into other units).
class EngineCheck : public clang::tidy::ClangTidyCheck {
public:
  EngineCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
              CheckSelection Selected);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  /// The rules directory the plugin uses by default.
  static std::string defaultRulesDir();

private:
  OptionsView Engine; // forksafe-inherited-handle.* for both checks
  const std::string RuleFiles;
  const bool LocalHandles;
  const bool ReportLatent;
  const std::string ExtraForkFunctions;
  const std::string LazyHandleStyle;
  const bool DefaultRules;
  const std::string ProgramFacts;
  CheckSelection Selected;
  ExtractOptions Extract;
  FixOptions Fixes;
  std::string FactsKey; // rules digest + extraction options
  std::shared_ptr<const LoadedRules> Loaded;
  bool ReportedFactsErrors = false;
};

} // namespace forksafe::tidy
