// SPDX-License-Identifier: Apache-2.0
/// What each handle check says: its message and remedy for a witness
/// (checker/docs/checks/<check>.md documents both).
#pragma once

#include "Engine.h"

#include "forksafe/Rules.h"

#include <string>

namespace forksafe {

/// forksafe-inherited-handle: live at a fork, used in the child.
std::string inheritedHandleMessage(const Target &H, const RuleSet &Rules,
                                   const InhW &I);
std::string inheritedHandleRemedy(const Target &H, const RuleSet &Rules,
                                  const InhW &I);

/// forksafe-inherited-handle-close: inherited, closed harmfully in the
/// child.
std::string inheritedHandleCloseMessage(const Target &H, const RuleSet &Rules,
                                        const std::string &Harm);
std::string inheritedHandleCloseRemedy(const Target &H);

} // namespace forksafe
