// SPDX-License-Identifier: Apache-2.0
/// The whole-program flow analysis behind the forksafe-* checks.
#pragma once

#include "forksafe/Finding.h"
#include "forksafe/Program.h"
#include "forksafe/Rules.h"

#include <vector>

namespace forksafe {

/// Finds handles live at a fork and used in the child. One finding per
/// handle, sorted; NOLINT at the handle's definition is honoured here.
std::vector<Finding> findInheritedHandles(const Program &P,
                                          const RuleSet &Rules);

} // namespace forksafe
