// SPDX-License-Identifier: Apache-2.0
/// Output formats for findings.
#pragma once

#include "forksafe/Finding.h"

#include <ostream>
#include <vector>

namespace forksafe {

/// clang's format: "file:line:col: warning: message [check]" and notes;
/// editors and CI log parsers read this.
void writeText(const std::vector<Finding> &Findings, std::ostream &OS);

} // namespace forksafe
