// SPDX-License-Identifier: Apache-2.0
// The model's names: how rule and facts files spell its enums.
#include "forksafe/Model.h"

namespace forksafe {

const char *semanticsName(Semantics S) {
  switch (S) {
  case Semantics::SharedSocket: return "shared-socket";
  case Semantics::ProcessBound: return "process-bound";
  case Semantics::ThreadOwning: return "thread-owning";
  }
  return "?";
}

std::optional<Semantics> parseSemantics(const std::string &S) {
  if (S == "shared-socket")
    return Semantics::SharedSocket;
  if (S == "process-bound")
    return Semantics::ProcessBound;
  if (S == "thread-owning")
    return Semantics::ThreadOwning;
  return std::nullopt;
}

const char *roleName(Role R) {
  switch (R) {
  case Role::Create: return "create";
  case Role::Init: return "init";
  case Role::Connect: return "connect";
  case Role::Use: return "use";
  case Role::Close: return "close";
  case Role::Reset: return "reset";
  }
  return "?";
}

std::optional<HookRole> parseHookRole(const std::string &S) {
  if (S == "prefork")
    return HookRole::PreFork;
  if (S == "postfork")
    return HookRole::PostFork;
  if (S == "request")
    return HookRole::Request;
  return std::nullopt;
}

} // namespace forksafe
