// SPDX-License-Identifier: Apache-2.0
// Links per-TU facts into one program. The first definition of a USR wins
// (inline functions defined in headers appear in many TUs); units are sorted
// first so the winner does not depend on -j or on the database order.
#include "forksafe/Program.h"

#include <algorithm>

namespace forksafe {

Program link(std::vector<TUFacts> Units) {
  Program P;
  std::stable_sort(Units.begin(), Units.end(),
                   [](const TUFacts &A, const TUFacts &B) {
                     return A.MainFile < B.MainFile;
                   });
  P.Units = std::move(Units);
  for (const TUFacts &U : P.Units) {
    for (const Function &F : U.Functions) {
      if (!P.Functions.emplace(F.Usr, &F).second)
        continue;
      if (F.IsStaticInit)
        P.StaticInits.push_back(&F);
      else if (F.IsStaticDtors)
        P.StaticDtors.push_back(&F);
      else if (F.IsMain)
        P.Mains.push_back(&F);
      if (F.AddressTaken)
        P.BySignature[F.Signature].push_back(&F);
      for (const std::string &O : F.Overrides)
        P.Overriders[O].push_back(&F);
    }
    for (const HandleVar &H : U.Handles) {
      auto [It, New] = P.Handles.emplace(H.Key, &H);
      if (!New && H.IsDefinition && !It->second->IsDefinition)
        It->second = &H; // prefer the definition over an extern declaration
    }
  }
  // Which functions are called by something we know (the rest are roots).
  for (const auto &[Usr, F] : P.Functions)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind == EventKind::Call)
          for (const Function *T : P.targets(E))
            P.Called.insert(T->Usr);
        if (E.Kind == EventKind::Fork && !E.Callee.empty())
          P.Called.insert(E.Callee);
      }
  return P;
}

std::vector<const Function *> Program::targets(const Event &Call) const {
  std::vector<const Function *> Out;
  if (!Call.Callee.empty()) {
    auto It = Functions.find(Call.Callee);
    if (It != Functions.end())
      Out.push_back(It->second);
    if (Call.Virtual) {
      // Every override, transitively.
      std::vector<std::string> Work = {Call.Callee};
      std::set<std::string> Seen = {Call.Callee};
      while (!Work.empty()) {
        std::string U = Work.back();
        Work.pop_back();
        auto O = Overriders.find(U);
        if (O == Overriders.end())
          continue;
        for (const Function *F : O->second)
          if (Seen.insert(F->Usr).second) {
            Out.push_back(F);
            Work.push_back(F->Usr);
          }
      }
    }
  } else if (!Call.IndirectSig.empty()) {
    auto It = BySignature.find(Call.IndirectSig);
    if (It != BySignature.end())
      Out = It->second;
  }
  return Out;
}

} // namespace forksafe
