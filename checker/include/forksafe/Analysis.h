// SPDX-License-Identifier: Apache-2.0
/// The whole-program flow analysis behind the forksafe-* checks.
#pragma once

#include "forksafe/Checks.h"
#include "forksafe/Finding.h"
#include "forksafe/Program.h"
#include "forksafe/Rules.h"

#include <vector>

namespace forksafe {

/// Finds handles live at a fork and then used (or harmfully closed) in the
/// child. At most one finding per handle and check, sorted; NOLINT at the
/// handle's definition is honoured here. Handles are analysed on Jobs
/// threads; the result does not depend on Jobs.
std::vector<Finding> findHandleFindings(const Program &P, const RuleSet &Rules,
                                        const CheckSelection &Checks,
                                        unsigned Jobs = 1);

} // namespace forksafe
