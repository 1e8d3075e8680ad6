// SPDX-License-Identifier: Apache-2.0
/// The list of checks, and clang-tidy style check-glob filtering.
#pragma once

#include <string>
#include <vector>

namespace forksafe {

struct CheckInfo {
  const char *Name;
  const char *Summary; // one sentence, as in the check's doc
};

/// Every check forksafe has, sorted by name.
const std::vector<CheckInfo> &allChecks();

/// A clang-tidy --checks value: comma-separated globs, '-' negates, the last
/// matching glob wins.
class CheckFilter {
public:
  explicit CheckFilter(const std::string &Globs = "forksafe-*");
  bool enabled(const std::string &Check) const;
  /// Globs without wildcards that name no known check ("did you mean").
  std::vector<std::string> unknownNames() const;

private:
  std::vector<std::pair<bool, std::string>> Globs; // (positive, glob)
};

bool globMatches(const std::string &Glob, const std::string &Name);
/// Whether a NOLINT glob list silences Check.
bool nolintSilences(const std::vector<std::string> &Globs,
                    const std::string &Check);

} // namespace forksafe
