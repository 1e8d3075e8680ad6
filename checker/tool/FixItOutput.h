// SPDX-License-Identifier: Apache-2.0
/// Fix-its: the notes' suggested replacements, exported in the YAML format
/// clang-apply-replacements reads, or applied in place (--fix).
#pragma once

#include "forksafe/Finding.h"

#include <string>
#include <vector>

bool exportFixes(const std::string &Path,
                 const std::vector<forksafe::Finding> &Findings,
                 std::string &Error);
bool applyFixes(const std::vector<forksafe::Finding> &Findings,
                unsigned &Applied, std::string &Error);
