// SPDX-License-Identifier: Apache-2.0
/// Baselines: the findings a team accepts for now, by fingerprint, so CI
/// fails only on new ones.
#pragma once

#include "forksafe/Finding.h"

#include <set>
#include <string>
#include <vector>

namespace forksafe {

bool writeBaseline(const std::string &Path, const std::vector<Finding> &Findings,
                   std::string &Error);
bool readBaseline(const std::string &Path, std::set<std::string> &Fingerprints,
                  std::string &Error);

} // namespace forksafe
