// SPDX-License-Identifier: Apache-2.0
/// Which functions can matter for a handle: those that (transitively) touch
/// the handle's variable, act on handles passed to them, or, while the
/// handle is live, fork. Everything else is skipped as the identity, which
/// keeps the analysis linear in the part of the program that matters.
#pragma once

#include "forksafe/Program.h"

#include <map>
#include <string>
#include <vector>

namespace forksafe {

class Relevance {
public:
  explicit Relevance(const Program &P);
  bool forks(const Function &F) const { return Forks[P.idOf(F)]; }
  bool forks(uint32_t Id) const { return Forks[Id]; }
  bool exits(uint32_t Id) const { return Exits[Id]; }
  /// Calls exit() (which runs the static destructors) on some path.
  bool exits(const Function &F) const { return Exits[P.idOf(F)]; }
  bool usesParams(const Function &F) const { return Params[P.idOf(F)]; }
  /// Factories: where the handle F's result holds is ("" for the result
  /// itself, ".conn" for a struct's member), if F made one; else null.
  const std::string *madeInResult(const Function &F) const {
    uint32_t Id = P.idOf(F);
    return Id < P.MadeInResult.size() && P.MadeInResult[Id]
               ? &*P.MadeInResult[Id]
               : nullptr;
  }

  /// One handle variable's functions, by id: those that name it and, for a
  /// global, their transitive callers (a local is invisible outside its
  /// function: callees see it through their parameters).
  struct ForHandle {
    std::vector<bool> Touches; // any event on it
    std::vector<bool> Creates; // can make it live (create, connect, reset)
    std::vector<bool> Ends;    // can end it (close, kill, re-init)
  };
  ForHandle forHandle(const std::string &Var) const;

private:
  /// Marks the transitive callers of the marked functions.
  void closeOverCallers(std::vector<bool> &Marked) const;

  const Program &P;
  std::vector<std::vector<uint32_t>> Callers;
  /// Functions that name a variable, by what they do to it.
  struct Namers {
    std::vector<uint32_t> Touch, Create, End;
    bool Global = false; // seen by callers too
  };
  std::map<std::string, Namers> ByVar;
  std::vector<bool> Forks, Exits, Params;
};

} // namespace forksafe
