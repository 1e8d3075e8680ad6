// SPDX-License-Identifier: Apache-2.0
// Loads and validates rule files (format: rules/README.md, schema:
// rules/schema/forksafe-rules.schema.json). Every problem is reported with
// file:line:column; unknown keys are errors so typos cannot silently disable
// a rule. The two kinds of file are parsed in LibraryRules.cpp and
// FrameworkRules.cpp, their values checked in RuleValidator.cpp.
#include "forksafe/Rules.h"
#include "PositionedJson.h"
#include "RuleValidator.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace forksafe {

std::string RuleError::str() const {
  std::ostringstream OS;
  OS << File;
  if (Line)
    OS << ":" << Line << ":" << Column;
  OS << ": " << Message;
  return OS.str();
}

namespace {

void loadDocument(const std::string &Path, const PositionedJson &Doc,
                  RuleSet &Rules, std::vector<RuleError> &Errors) {
  RuleValidator V(Path, Doc, Errors);
  const nlohmann::json &Root = Doc.Value;
  if (!Root.is_object()) {
    V.error("", "a rule file must be a JSON object");
    return;
  }
  if (Root.contains("framework"))
    loadFramework(Path, Doc, Rules, Errors);
  else
    loadLibrary(Path, Doc, Rules, Errors);
}

} // namespace

std::vector<RuleError> loadRuleFile(const std::string &Path, RuleSet &Rules) {
  std::vector<RuleError> Errors;
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Errors.push_back({Path, 0, 0, "cannot read rule file"});
    return Errors;
  }
  std::stringstream Buf;
  Buf << In.rdbuf();
  return loadRuleText(Path, Buf.str(), Rules);
}

std::vector<RuleError> loadRuleText(const std::string &Path,
                                    const std::string &Text, RuleSet &Rules) {
  std::vector<RuleError> Errors;
  PositionedJson Doc;
  std::string Error;
  TextPos At;
  if (!parsePositionedJson(Text, Doc, Error, At)) {
    Errors.push_back({Path, At.Line, At.Column, "malformed JSON: " + Error});
    return Errors;
  }
  loadDocument(Path, Doc, Rules, Errors);
  return Errors;
}

std::vector<RuleError> loadRules(const std::string &PathOrDir,
                                 RuleSet &Rules) {
  namespace fs = std::filesystem;
  std::error_code EC;
  if (!fs::exists(PathOrDir, EC))
    return {{PathOrDir, 0, 0, "no such rule file or directory"}};
  if (!fs::is_directory(PathOrDir, EC))
    return loadRuleFile(PathOrDir, Rules);
  std::vector<std::string> Files;
  for (auto It = fs::recursive_directory_iterator(PathOrDir, EC);
       !EC && It != fs::recursive_directory_iterator(); It.increment(EC)) {
    const fs::path &P = It->path();
    if (It->is_regular_file() && P.extension() == ".json" &&
        P.parent_path().filename() != "schema")
      Files.push_back(P.string());
  }
  if (EC)
    return {{PathOrDir, 0, 0, "cannot list rule directory: " + EC.message()}};
  std::sort(Files.begin(), Files.end());
  std::vector<RuleError> Errors;
  for (const std::string &F : Files) {
    std::vector<RuleError> E = loadRuleFile(F, Rules);
    Errors.insert(Errors.end(), E.begin(), E.end());
  }
  return Errors;
}

} // namespace forksafe
