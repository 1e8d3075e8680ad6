// SPDX-License-Identifier: Apache-2.0
// forksafe's JSON report, documented in checker/docs/json-format.md; the
// same data as the text and SARIF formats.
#include "forksafe/Report.h"

#include <nlohmann/json.hpp>

namespace forksafe {
namespace {
using json = nlohmann::json;

json location(const Location &L) {
  return {{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

const char *noteKind(Note::Kind K) {
  switch (K) {
  case Note::Created: return "created";
  case Note::Call: return "call";
  case Note::Fork: return "fork";
  case Note::ChildCall: return "child-call";
  case Note::Use: return "use";
  case Note::Close: return "close";
  case Note::Remedy: return "remedy";
  case Note::Hook: return "hook";
  case Note::OtherFork: return "other-fork";
  case Note::Latent: return "latent";
  }
  return "note";
}
} // namespace

void writeJson(const RunReport &R, std::ostream &OS) {
  json Findings = json::array();
  for (const Finding &F : R.Findings) {
    json Notes = json::array();
    for (const Note &N : F.Notes)
      Notes.push_back({{"kind", noteKind(N.What)},
                       {"message", N.Message},
                       {"location", location(N.Loc)}});
    Findings.push_back({{"check", F.Check},
                        {"level", isError(R, F.Check) ? "error" : "warning"},
                        {"message", F.Message},
                        {"location", location(F.Loc)},
                        {"handle",
                         {{"name", F.HandleName},
                          {"key", F.HandleKey},
                          {"library", F.Library}}},
                        {"notes", Notes},
                        {"fingerprint", fingerprint(F)}});
  }
  json Failed = json::array();
  for (const NotAnalysed &N : R.Failed)
    Failed.push_back({{"file", N.File}, {"reason", N.Reason}});
  json Out = {{"format", "forksafe-report"},
              {"version", 1},
              {"tool", {{"name", "forksafe"}, {"version", R.ToolVersion}}},
              {"analysed", R.Analysed},
              {"notAnalysed", Failed},
              {"suppressedByBaseline", R.SuppressedByBaseline},
              {"findings", Findings}};
  OS << Out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

void writeCodeClimate(const RunReport &R, std::ostream &OS) {
  // GitLab Code Quality: https://docs.gitlab.com/ee/ci/testing/code_quality.html
  json Issues = json::array();
  auto relative = [&](const std::string &P) {
    if (!R.SourceRoot.empty() && P.rfind(R.SourceRoot + "/", 0) == 0)
      return P.substr(R.SourceRoot.size() + 1);
    return P;
  };
  for (const Finding &F : R.Findings)
    Issues.push_back({{"type", "issue"},
                      {"check_name", F.Check},
                      {"description", F.Message},
                      {"categories", json::array({"Bug Risk"})},
                      {"severity", isError(R, F.Check) ? "critical" : "major"},
                      {"fingerprint", fingerprint(F)},
                      {"location",
                       {{"path", relative(F.Loc.File)},
                        {"lines", {{"begin", F.Loc.Line}}}}}});
  OS << Issues.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace forksafe
