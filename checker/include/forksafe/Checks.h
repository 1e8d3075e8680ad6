// SPDX-License-Identifier: Apache-2.0
/// The check registry: the one list of forksafe's checks and of the engine
/// options they share. The analysis (which findings each check owns), the
/// reports (SARIF rules), the CLI (--list-checks, --dump-config, option
/// parsing), the clang-tidy module and the docs test all read it.
///
/// Adding a check: an entry in allChecks() (lib/Registry/Checks.cpp), its
/// message and remedy (lib/Analysis/<Name>Check.cpp), its tests
/// (tests/checks/<name without "forksafe-">/) and its doc page (DocPath);
/// tests/registry/complete.test fails when one of them is missing.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace forksafe {

enum class CheckId : unsigned { InheritedHandle, InheritedHandleClose };
constexpr unsigned NumChecks = 2;

struct CheckInfo {
  CheckId Id;
  const char *Name;    // "forksafe-inherited-handle"
  const char *Summary; // one sentence, as in the check's doc
  const char *DocPath; // the doc page, relative to the repository root
  const char *Owns;    // which findings the check reports
};

/// Every check forksafe has, sorted by name.
const std::vector<CheckInfo> &allChecks();
const CheckInfo &checkInfo(CheckId Id);
std::optional<CheckId> checkNamed(const std::string &Name);

/// The engine's options. There is one engine, so one set of options that
/// every check shares, named <EngineOptionPrefix>.<Name> in a .clang-tidy's
/// CheckOptions: one file configures the CLI and the plugin alike.
constexpr const char *EngineOptionPrefix = "forksafe-inherited-handle";

enum class OptionKind { Bool, List, Choice, Path };
struct EngineOption {
  const char *Name;
  OptionKind Kind;
  const char *Default;
  const char *Choices; // Choice: the values, as a message lists them
  bool PluginOnly;     // the CLI has its own way (ProgramFacts: it links)
  const char *Help;
};

/// Every engine option, sorted by name.
const std::vector<EngineOption> &engineOptions();
const EngineOption *engineOption(const std::string &Name);

/// Which checks a run reports, and whether latent findings too.
struct CheckSelection {
  std::bitset<NumChecks> Enabled = std::bitset<NumChecks>().set();
  /// Also report latent findings: those whose every path needs an indirect
  /// call to pick one of several functions (or one resolved by its type).
  bool Latent = false;

  bool enabled(CheckId Id) const { return Enabled[unsigned(Id)]; }
  void set(CheckId Id, bool On) { Enabled[unsigned(Id)] = On; }
  bool any() const { return Enabled.any(); }
};

/// A clang-tidy --checks value: comma-separated globs, '-' negates, the last
/// matching glob wins.
class CheckFilter {
public:
  explicit CheckFilter(const std::string &Globs = "forksafe-*");
  bool enabled(const std::string &Check) const;
  /// The registry's checks this filter enables.
  CheckSelection selection() const;
  /// Globs without wildcards that name no known check ("did you mean").
  std::vector<std::string> unknownNames() const;

private:
  std::vector<std::pair<bool, std::string>> Globs; // (positive, glob)
};

bool globMatches(const std::string &Glob, const std::string &Name);
/// Whether a NOLINT glob list silences Check.
bool nolintSilences(const std::vector<std::string> &Globs,
                    const std::string &Check);

} // namespace forksafe
