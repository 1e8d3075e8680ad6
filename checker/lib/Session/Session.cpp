// SPDX-License-Identifier: Apache-2.0
// The session: rules, extraction options, the facts key, and linking and
// analysing units, shared by the CLI and the clang-tidy plugin.
#include "forksafe/Session.h"

#include "forksafe/Analysis.h"
#include "forksafe/Program.h"


namespace forksafe {

namespace {

/// Two mains are two programs: linked as one, the second's code would be
/// mixed with the first's and its main never run. One line, however many.
std::string severalMainsWarning(const Program &P) {
  std::string Others;
  for (size_t I = 0; I < P.OtherMains.size() && I < 3; ++I)
    Others += (I ? ", " : "") + P.OtherMains[I]->Loc.File;
  if (P.OtherMains.size() > 3)
    Others += " and " + std::to_string(P.OtherMains.size() - 3) + " more";
  return "the compilation database holds " +
         std::to_string(P.OtherMains.size() + 1) +
         " programs; only the one whose main() is in " +
         P.Mains.front()->Loc.File + " is analysed, not those in " + Others +
         " (give each program its own database)";
}

} // namespace

Session::Session(EngineSettings Settings) : Settings(std::move(Settings)) {}

std::vector<RuleError> Session::loadRules(const std::string &DefaultRulesDir) {
  std::vector<std::string> Sources;
  if (Settings.DefaultRules)
    Sources.push_back(DefaultRulesDir);
  Sources.insert(Sources.end(), Settings.RuleFiles.begin(),
                 Settings.RuleFiles.end());
  std::vector<RuleError> Errors;
  for (const std::string &S : Sources) {
    std::vector<RuleError> E = forksafe::loadRules(S, Rules);
    Errors.insert(Errors.end(), E.begin(), E.end());
  }
  return Errors;
}

ExtractOptions Session::extractOptions() const {
  ExtractOptions E;
  E.LocalHandles = Settings.LocalHandles;
  E.ExtraForkFunctions.insert(Settings.ExtraForkFunctions.begin(),
                              Settings.ExtraForkFunctions.end());
  return E;
}

std::string Session::factsKey() const {
  std::string Key = Rules.digest() + (Settings.LocalHandles ? "|L" : "|-");
  for (const std::string &F : extractOptions().ExtraForkFunctions)
    Key += "|f:" + F;
  return Key;
}

AnalysisResult
Session::analyse(std::vector<TUFacts> Units, CheckSelection Checks,
                 unsigned Jobs,
                 const std::function<void(const std::string &)> &OnPhase) const {
  auto phase = [&](const std::string &Message) {
    if (OnPhase)
      OnPhase(Message);
  };
  AnalysisResult R;
  Program P = link(std::move(Units));
  phase("linked " + std::to_string(P.ById.size()) + " functions");
  if (!P.OtherMains.empty())
    R.Warnings.push_back(severalMainsWarning(P));
  Checks.Latent = Settings.ReportLatent;
  R.Findings = findHandleFindings(P, Rules, Checks, Jobs);
  phase("analysed " + std::to_string(P.Handles.size()) + " handles");
  FixOptions Fixes;
  Fixes.Lazy = Settings.Lazy;
  attachFixIts(P, Rules, Fixes, R.Findings);
  return R;
}

} // namespace forksafe
