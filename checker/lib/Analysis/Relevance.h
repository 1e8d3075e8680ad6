// SPDX-License-Identifier: Apache-2.0
/// Which functions can matter for a handle: those that (transitively) fork,
/// touch the handle's variable, or act on handles passed to them. Everything
/// else is skipped as the identity, which keeps the analysis linear in the
/// part of the program that matters.
#pragma once

#include "forksafe/Program.h"

#include <map>
#include <set>
#include <string>

namespace forksafe {

class Relevance {
public:
  explicit Relevance(const Program &P);
  bool forks(const std::string &Usr) const { return Forks.count(Usr); }
  bool touches(const std::string &Usr, const std::string &Var) const;
  bool usesParams(const std::string &Usr) const { return Params.count(Usr); }
  /// Factories: 'PGconn *connect_db(void) { return PQconnectdb(...); }'.
  bool returnsLive(const std::string &Usr) const { return Factories.count(Usr); }

private:
  std::set<std::string> Forks;
  std::map<std::string, std::set<std::string>> Vars;   // globals, transitive
  std::map<std::string, std::set<std::string>> Locals; // locals, direct only
  std::set<std::string> Params;
  std::set<std::string> Factories;
};

} // namespace forksafe
