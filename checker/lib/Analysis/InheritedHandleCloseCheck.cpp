// SPDX-License-Identifier: Apache-2.0
// forksafe-inherited-handle-close: an inherited handle the child closes in
// a way that harms the parent (a quit message on the shared connection, a
// hang, deleted files), also through a static destructor run by exit().
#include "HandleChecks.h"

namespace forksafe {

std::string inheritedHandleCloseMessage(const Target &H, const RuleSet &Rules,
                                        const std::string &Harm) {
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  std::string Who = "'" + H.Info->Name + "'";
  if (Lib)
    Who += " (" + Lib->DisplayName + ")";
  std::string Why = Harm.empty() ? std::string("closing it there harms the "
                                               "parent's connection")
                                 : Harm;
  return Who + " is inherited by a child process and closed there: " + Why;
}

std::string inheritedHandleCloseRemedy(const Target &H) {
  if (H.Sem == Semantics::ProcessBound)
    return "leave the child with _exit() so no destructor runs, and leak the "
           "inherited handle in the child instead of closing it";
  return "leave the child with _exit() so no destructor runs; leak the "
         "inherited handle in the child (or dup2() /dev/null over its "
         "descriptor before closing it); never call shutdown(2) on it";
}

} // namespace forksafe
