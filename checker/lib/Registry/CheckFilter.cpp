// SPDX-License-Identifier: Apache-2.0
// Check-glob filtering as clang-tidy does it, and NOLINT globs.
#include "forksafe/Checks.h"

#include <sstream>

namespace forksafe {

bool globMatches(const std::string &Glob, const std::string &Name) {
  // Iterative '*' matching.
  size_t G = 0, N = 0, Star = std::string::npos, Mark = 0;
  while (N < Name.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      Star = G++;
      Mark = N;
    } else if (G < Glob.size() && Glob[G] == Name[N]) {
      ++G;
      ++N;
    } else if (Star != std::string::npos) {
      G = Star + 1;
      N = ++Mark;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

CheckFilter::CheckFilter(const std::string &Text) {
  std::stringstream SS(Text);
  std::string G;
  while (std::getline(SS, G, ',')) {
    size_t B = G.find_first_not_of(" \t\n");
    size_t E = G.find_last_not_of(" \t\n");
    if (B == std::string::npos)
      continue;
    G = G.substr(B, E - B + 1);
    bool Positive = G[0] != '-';
    if (!Positive)
      G = G.substr(1);
    Globs.push_back({Positive, G});
  }
}

bool CheckFilter::enabled(const std::string &Check) const {
  bool On = false;
  for (const auto &[Positive, Glob] : Globs)
    if (globMatches(Glob, Check))
      On = Positive;
  return On;
}

CheckSelection CheckFilter::selection() const {
  CheckSelection S;
  for (const CheckInfo &C : allChecks())
    S.set(C.Id, enabled(C.Name));
  return S;
}

std::vector<std::string> CheckFilter::unknownNames() const {
  std::vector<std::string> Unknown;
  for (const auto &[Positive, Glob] : Globs) {
    // Other tools' names may share a .clang-tidy with us; only ours are
    // checked.
    if (Glob.find('*') != std::string::npos || Glob.rfind("forksafe", 0) != 0)
      continue;
    if (!checkNamed(Glob))
      Unknown.push_back(Glob);
  }
  return Unknown;
}

bool nolintSilences(const std::vector<std::string> &Globs,
                    const std::string &Check) {
  for (const std::string &G : Globs)
    if (G == "*" || globMatches(G, Check))
      return true;
  return false;
}

} // namespace forksafe
