// SPDX-License-Identifier: Apache-2.0
/// One run of the engine, as both front ends drive it: the CLI
/// (checker/tool) and the clang-tidy plugin (checker/tidy) find and load
/// the rules, read the engine options, key extracted facts, read facts
/// files and analyse linked units only through this API, so that they give
/// the same answers.
#pragma once

#include "forksafe/Checks.h"
#include "forksafe/Extract.h"
#include "forksafe/Facts.h"
#include "forksafe/Finding.h"
#include "forksafe/FixIts.h"
#include "forksafe/Rules.h"

#include <functional>
#include <string>
#include <vector>

namespace forksafe {

/// The engine options of forksafe/Checks.h (engineOptions()), typed.
struct EngineSettings {
  bool DefaultRules = true;
  std::vector<std::string> ExtraForkFunctions;
  LazyHandleStyle Lazy = LazyHandleStyle::PerProcess;
  bool LocalHandles = true;
  std::string ProgramFacts;
  bool ReportLatent = false;
  std::vector<std::string> RuleFiles;

  /// Sets option Name from its text as a .clang-tidy gives it. False, with
  /// a reason ("must be true or false") in Error, for an unknown option or
  /// a value the option does not take.
  bool set(const std::string &Name, const std::string &Value,
           std::string &Error);
  /// Option Name's value as text, in the form set() reads back.
  std::string get(const std::string &Name) const;
};

/// "DefaultRules, ExtraForkFunctions, ...": for "unknown option" messages.
std::string engineOptionNames();
/// ';' or ',' separated, blanks trimmed, empty items dropped.
std::vector<std::string> splitOptionList(const std::string &List);

/// The bundled rules directory for a binary at BinaryPath (the CLI, or the
/// plugin's shared object): <prefix>/share/forksafe/rules when installed,
/// the source tree's rules/ when run from the build tree.
std::string defaultRulesDirFor(const std::string &BinaryPath);

/// Facts files ("*.facts.json") named by Path: the file itself, or every one
/// under the directory, searched recursively; sorted. False with Error when
/// Path is neither.
bool findFactsFiles(const std::string &Path, std::vector<std::string> &Out,
                    std::string &Error);

struct FactsFileError {
  std::string Path, Message;
};
/// Reads facts files on Jobs threads; the result keeps Paths' order, so it
/// does not depend on Jobs. A file that cannot be read is left out and named
/// in Errors.
std::vector<TUFacts> readFactsFiles(const std::vector<std::string> &Paths,
                                    unsigned Jobs,
                                    std::vector<FactsFileError> &Errors);

struct AnalysisResult {
  std::vector<Finding> Findings; // sorted, with fix-its
  /// Things the user should know about the run (several main()s): one line
  /// each, without a "warning:" prefix.
  std::vector<std::string> Warnings;
};

class Session {
public:
  explicit Session(EngineSettings Settings);

  /// Loads the bundled rules from DefaultRulesDir (unless DefaultRules is
  /// off) and then RuleFiles. Returns every problem; analysing with half the
  /// rules is the caller's decision (both front ends refuse).
  std::vector<RuleError> loadRules(const std::string &DefaultRulesDir);

  const EngineSettings &settings() const { return Settings; }
  const RuleSet &rules() const { return Rules; }
  ExtractOptions extractOptions() const;
  /// What a unit's facts depend on besides its source: the rules and the
  /// extraction options (a cache key's engine part).
  std::string factsKey() const;

  /// Links Units as one program and reports the findings of the checks in
  /// Checks (ReportLatent decides Checks.Latent), with fix-its. OnPhase, if
  /// set, hears "linked N functions" and "analysed N handles" as each phase
  /// ends (the CLI's --verbose times them).
  AnalysisResult
  analyse(std::vector<TUFacts> Units, CheckSelection Checks, unsigned Jobs,
          const std::function<void(const std::string &)> &OnPhase = {}) const;

private:
  EngineSettings Settings;
  RuleSet Rules;
};

} // namespace forksafe
