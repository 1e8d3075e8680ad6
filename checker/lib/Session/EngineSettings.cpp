// SPDX-License-Identifier: Apache-2.0
// The engine options as text (a .clang-tidy's CheckOptions, --dump-config,
// the plugin's storeOptions) and back, for both front ends.
#include "forksafe/Session.h"

namespace forksafe {

namespace {

bool parseBool(const std::string &V, bool &Out) {
  if (V == "true" || V == "1" || V == "on" || V == "yes") {
    Out = true;
    return true;
  }
  if (V == "false" || V == "0" || V == "off" || V == "no") {
    Out = false;
    return true;
  }
  return false;
}

std::string joinList(const std::vector<std::string> &Items) {
  std::string Out;
  for (const std::string &I : Items)
    Out += (Out.empty() ? "" : ";") + I;
  return Out;
}

} // namespace

std::vector<std::string> splitOptionList(const std::string &List) {
  std::vector<std::string> Out;
  size_t Start = 0;
  while (Start <= List.size()) {
    size_t End = List.find_first_of(";,", Start);
    std::string Item =
        List.substr(Start, End == std::string::npos ? End : End - Start);
    size_t B = Item.find_first_not_of(" \t\n"),
           E = Item.find_last_not_of(" \t\n");
    if (B != std::string::npos)
      Out.push_back(Item.substr(B, E - B + 1));
    if (End == std::string::npos)
      break;
    Start = End + 1;
  }
  return Out;
}

std::string engineOptionNames() {
  std::string Out;
  for (const EngineOption &O : engineOptions())
    Out += (Out.empty() ? "" : ", ") + std::string(O.Name);
  return Out;
}

bool EngineSettings::set(const std::string &Name, const std::string &Value,
                         std::string &Error) {
  const EngineOption *O = engineOption(Name);
  if (!O) {
    Error = "unknown option (known: " + engineOptionNames() + ")";
    return false;
  }
  if (O->Kind == OptionKind::Bool) {
    bool B = false;
    if (!parseBool(Value, B)) {
      Error = "must be true or false";
      return false;
    }
    if (Name == "DefaultRules")
      DefaultRules = B;
    else if (Name == "LocalHandles")
      LocalHandles = B;
    else if (Name == "ReportLatent")
      ReportLatent = B;
    return true;
  }
  if (Name == "LazyHandleStyle") {
    if (!parseLazyHandleStyle(Value, Lazy)) {
      Error = "must be " + std::string(O->Choices);
      return false;
    }
  } else if (Name == "ExtraForkFunctions") {
    ExtraForkFunctions = splitOptionList(Value);
  } else if (Name == "RuleFiles") {
    RuleFiles = splitOptionList(Value);
  } else if (Name == "ProgramFacts") {
    ProgramFacts = Value;
  }
  return true;
}

std::string EngineSettings::get(const std::string &Name) const {
  if (Name == "DefaultRules")
    return DefaultRules ? "true" : "false";
  if (Name == "LocalHandles")
    return LocalHandles ? "true" : "false";
  if (Name == "ReportLatent")
    return ReportLatent ? "true" : "false";
  if (Name == "LazyHandleStyle")
    return lazyHandleStyleName(Lazy);
  if (Name == "ExtraForkFunctions")
    return joinList(ExtraForkFunctions);
  if (Name == "RuleFiles")
    return joinList(RuleFiles);
  if (Name == "ProgramFacts")
    return ProgramFacts;
  return "";
}

} // namespace forksafe
