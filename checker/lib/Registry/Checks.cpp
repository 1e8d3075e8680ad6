// SPDX-License-Identifier: Apache-2.0
// The check registry's entries: the checks and the engine options
// (forksafe/Checks.h says what reads them and how to add one).
#include "forksafe/Checks.h"

#include <cstring>

namespace forksafe {

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {CheckId::InheritedHandle, "forksafe-inherited-handle",
       "Finds a database or other fork-unsafe handle that is live when the "
       "process forks and is then used in the child process.",
       "checker/docs/checks/forksafe-inherited-handle.md",
       "a handle inherited by a child process and used there"},
      {CheckId::InheritedHandleClose, "forksafe-inherited-handle-close",
       "Finds an inherited handle that the child process closes in a way that "
       "harms the parent: a quit message on the shared connection, a hang, "
       "or files deleted, also through a static object's destructor at "
       "exit().",
       "checker/docs/checks/forksafe-inherited-handle-close.md",
       "a handle inherited by a child process and closed there (also by "
       "exit()'s destructors)"},
  };
  return Checks;
}

const CheckInfo &checkInfo(CheckId Id) {
  return allChecks()[unsigned(Id)]; // the entries are in CheckId order
}

std::optional<CheckId> checkNamed(const std::string &Name) {
  for (const CheckInfo &C : allChecks())
    if (Name == C.Name)
      return C.Id;
  return std::nullopt;
}

const std::vector<EngineOption> &engineOptions() {
  static const std::vector<EngineOption> Options = {
      {"DefaultRules", OptionKind::Bool, "true", "", false,
       "load the bundled rule files (false: the CLI's --no-default-rules)"},
      {"ExtraForkFunctions", OptionKind::List, "", "", false,
       "';'-separated functions of the program that fork (a fork wrapper "
       "whose body forksafe cannot see)"},
      {"LazyHandleStyle", OptionKind::Choice, "per_process",
       "per_process, function or none", false,
       "how the lazy-handle fix-it spells a lazy handle"},
      {"LocalHandles", OptionKind::Bool, "true", "", false,
       "track local handle variables across a fork"},
      {"ProgramFacts", OptionKind::Path, "", "", true,
       "a directory of *.facts.json ('forksafe extract --facts-dir'), searched "
       "recursively: the clang-tidy plugin links this unit with them"},
      {"ReportLatent", OptionKind::Bool, "false", "", false,
       "also report latent findings (a path on which an indirect call must run "
       "one particular function of several it may reach)"},
      {"RuleFiles", OptionKind::List, "", "", false,
       "';'-separated extra rule files or directories (the CLI's --rules)"},
  };
  return Options;
}

const EngineOption *engineOption(const std::string &Name) {
  for (const EngineOption &O : engineOptions())
    if (Name == O.Name)
      return &O;
  return nullptr;
}

} // namespace forksafe
