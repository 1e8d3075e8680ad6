// SPDX-License-Identifier: Apache-2.0
/// clang-tidy's NOLINT comments: NOLINT, NOLINTNEXTLINE, NOLINTBEGIN/END,
/// each with an optional (check, glob, ...) list.
#pragma once

#include <string>
#include <vector>

namespace forksafe {

/// The check globs silenced at 1-based Line of Text; "*" silences all.
std::vector<std::string> nolintGlobsAt(const std::string &Text, unsigned Line);

} // namespace forksafe
