// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, a rule per
// check, results with the primary location, every note as a related
// location and as a step of one thread flow (created -> fork -> use), and a
// line-independent partial fingerprint.
#include "forksafe/Checks.h"
#include "forksafe/Report.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace forksafe {
namespace {
using json = nlohmann::json;

const char *const HelpBase = "https://forksafe.invalid/checker/docs/checks/";

/// RFC 3986 percent-encoding of a path, byte by byte ('/' kept).
std::string encodePath(const std::string &Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isalnum(C) || C == '/' || C == '-' || C == '_' || C == '.' || C == '~')
      Out += char(C);
    else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

class Writer {
public:
  explicit Writer(const RunReport &R) : R(R) {}

  json artifact(const std::string &File) const {
    const std::string &Root = R.SourceRoot;
    if (!Root.empty() && File.rfind(Root + "/", 0) == 0)
      return {{"uri", encodePath(File.substr(Root.size() + 1))},
              {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + encodePath(File)}};
  }

  json physical(const Location &L) const {
    return {{"artifactLocation", artifact(L.File)},
            {"region",
             {{"startLine", std::max(1u, L.Line)},
              {"startColumn", std::max(1u, L.Column)}}}};
  }

  json result(const Finding &F, size_t RuleIndex) const {
    json Related = json::array();
    json Steps = json::array();
    int Id = 1;
    for (const Note &N : F.Notes) {
      Related.push_back({{"id", Id++},
                         {"physicalLocation", physical(N.Loc)},
                         {"message", {{"text", N.Message}}}});
      if (N.What != Note::Remedy && N.What != Note::OtherFork &&
          N.What != Note::Latent)
        Steps.push_back({{"location",
                          {{"physicalLocation", physical(N.Loc)},
                           {"message", {{"text", N.Message}}}}}});
    }
    json Result = {
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex},
        {"level", isError(R, F.Check) ? "error" : "warning"},
        {"message", {{"text", F.Message}}},
        {"locations", json::array({{{"physicalLocation", physical(F.Loc)}}})},
        {"relatedLocations", Related},
        {"partialFingerprints", {{"forksafe/v1", fingerprint(F)}}}};
    if (!Steps.empty())
      Result["codeFlows"] =
          json::array({{{"threadFlows", json::array({{{"locations", Steps}}})}}});
    return Result;
  }

  json run() const {
    json Rules = json::array();
    std::map<std::string, size_t> Index;
    for (const CheckInfo &C : allChecks()) {
      Index[C.Name] = Rules.size();
      std::string Help = std::string(HelpBase) + C.Name + ".md";
      Rules.push_back({{"id", C.Name},
                       {"shortDescription", {{"text", C.Summary}}},
                       {"fullDescription", {{"text", C.Summary}}},
                       {"helpUri", Help},
                       {"help", {{"text", std::string(C.Summary) + " See " + Help}}},
                       {"defaultConfiguration", {{"level", "warning"}}},
                       {"properties",
                        {{"tags", json::array({"reliability", "fork"})},
                         {"precision", "high"}}}});
    }
    json Results = json::array();
    for (const Finding &F : R.Findings)
      Results.push_back(result(F, Index.count(F.Check) ? Index[F.Check] : 0));
    json Notifications = json::array();
    for (const NotAnalysed &N : R.Failed)
      Notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", N.File + " could not be analysed: " + N.Reason}}},
           {"locations",
            json::array({{{"physicalLocation",
                           {{"artifactLocation", artifact(N.File)}}}}})}});
    json Run = {
        {"tool",
         {{"driver",
           {{"name", "forksafe"},
            {"version", R.ToolVersion},
            {"semanticVersion", R.ToolVersion},
            {"informationUri", "https://forksafe.invalid/"},
            {"rules", Rules}}}}},
        {"invocations",
         json::array({{{"executionSuccessful", R.Failed.empty()},
                       {"toolExecutionNotifications", Notifications}}})},
        {"results", Results}};
    if (!R.SourceRoot.empty())
      Run["originalUriBaseIds"] = {
          {"%SRCROOT%", {{"uri", "file://" + encodePath(R.SourceRoot) + "/"}}}};
    return Run;
  }

private:
  const RunReport &R;
};
} // namespace

void writeSarif(const RunReport &R, std::ostream &OS) {
  json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({Writer(R).run()})}};
  OS << Log.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace forksafe
