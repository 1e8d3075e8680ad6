// SPDX-License-Identifier: Apache-2.0
/// The linked program: every TU's facts merged by USR.
#pragma once

#include "forksafe/Facts.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace forksafe {

struct Program {
  std::vector<TUFacts> Units; // owns everything below
  std::map<std::string, const Function *> Functions;        // by USR
  std::map<std::string, const HandleVar *> Handles;         // by key
  std::vector<const Function *> StaticInits;                // run before main
  std::vector<const Function *> StaticDtors;                // run by exit()
  std::vector<const Function *> Mains;
  std::map<std::string, std::vector<const Function *>> BySignature; // address-taken
  std::map<std::string, std::vector<const Function *>> Overriders;  // by USR
  std::set<std::string> Called; // USRs that some known code calls

  /// Every function a call event may reach (direct, virtual, indirect).
  std::vector<const Function *> targets(const Event &Call) const;
};

/// Merges facts; the result is independent of the order of Units.
Program link(std::vector<TUFacts> Units);

} // namespace forksafe
