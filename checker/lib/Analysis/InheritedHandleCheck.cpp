// SPDX-License-Identifier: Apache-2.0
// forksafe-inherited-handle: a handle live when the process forks and then
// used in the child process. Reported at the handle's definition, with the
// witness that needs the fewest assumptions (Analysis.cpp).
#include "HandleChecks.h"

namespace forksafe {

std::string inheritedHandleMessage(const Target &H, const RuleSet &Rules,
                                   const InhW &I) {
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  std::string Who = "'" + H.Info->Name + "'";
  if (Lib)
    Who += " (" + Lib->DisplayName + ")";
  // "the process forks with fork()" or "nginx forks its worker processes".
  std::string When =
      !I.Framework.empty()
          ? std::string(I.ForkApi)
          : "the process forks with " +
                (I.ForkApi.empty() ? std::string("fork()")
                                   : std::string(I.ForkApi));
  switch (H.Sem) {
  case Semantics::ProcessBound:
    return Who + " is open when " + When +
           " and is used in the child process; the handle belongs to the "
           "process that opened it";
  case Semantics::ThreadOwning:
    return Who + " is live when " + When +
           " and is used in the child process; its background threads do "
           "not exist in the child";
  case Semantics::SharedSocket:
    break;
  }
  return Who + " is connected when " + When +
         " and is used in the child process; parent and child share one "
         "connection";
}

std::string inheritedHandleRemedy(const Target &H, const RuleSet &Rules,
                                  const InhW &I) {
  if (const FrameworkRule *Fw = Rules.framework(std::string(I.Framework)))
    return Fw->Remedy;
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  if (Lib && !Lib->Remedy.empty())
    return Lib->Remedy;
  return "create the handle lazily in each process, or reconnect after "
         "fork (in a pthread_atfork child handler or the framework's "
         "post-fork hook); do not close the inherited handle in the child";
}

} // namespace forksafe
