// SPDX-License-Identifier: Apache-2.0
// Links per-TU facts into one program. The first definition of a USR wins
// (inline functions defined in headers appear in many TUs); units are sorted
// first so the winner does not depend on -j or on the database order.
#include "forksafe/Program.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace forksafe {

Program link(std::vector<TUFacts> Units) {
  Program P;
  std::stable_sort(Units.begin(), Units.end(),
                   [](const TUFacts &A, const TUFacts &B) {
                     return A.MainFile < B.MainFile;
                   });
  P.Units = std::move(Units);
  // Facts linked before (the plugin links a TU's facts more than once) carry
  // the slots of that link.
  for (TUFacts &U : P.Units)
    for (Function &F : U.Functions) {
      F.LinkId = UINT32_MAX;
      for (Block &B : F.Blocks)
        for (Event &E : B.Events)
          E.LinkTargets = UINT32_MAX;
    }
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
      if (F.AddressTaken && F.Escapes)
        P.EscapedBySignature[F.Signature].push_back(&F);
      for (const std::string &O : F.Overrides)
        P.Overriders[O].push_back(&F);
    }
    for (const HandleVar &H : U.Handles) {
      auto [It, New] = P.Handles.emplace(H.Key, &H);
      if (!New && H.IsDefinition && !It->second->IsDefinition)
        It->second = &H; // prefer the definition over an extern declaration
    }
  }
  // Slots merged over all TUs; stored functions without a body anywhere
  // are never analysed, so they are left out.
  {
    std::map<std::string, std::set<std::string>> Stored;
    for (const TUFacts &U : P.Units) {
      for (const auto &[Slot, Fns] : U.FunctionSlots)
        Stored[Slot].insert(Fns.begin(), Fns.end());
      P.OpaqueSlots.insert(U.OpaqueSlots.begin(), U.OpaqueSlots.end());
    }
    for (const auto &[Slot, Usrs] : Stored)
      for (const std::string &Usr : Usrs) {
        auto It = P.Functions.find(Usr);
        if (It != P.Functions.end())
          P.SlotFunctions[Slot].push_back(It->second);
      }
  }
  // Calls are resolved by hash: a lookup in the ordered map per call was
  // most of the link of a big program.
  std::unordered_map<std::string_view, const Function *> ByUsr;
  ByUsr.reserve(P.Functions.size());
  for (const auto &[Usr, F] : P.Functions) {
    // P owns the units: the ids and target slots are written into them.
    const_cast<Function *>(F)->LinkId = uint32_t(P.ById.size());
    P.ById.push_back(F);
    ByUsr.emplace(Usr, F);
  }
  P.Called.assign(P.ById.size(), false);
  // Resolve every call once (the analysis asks for each call many times),
  // and note which functions are called by something we know (the rest are
  // roots).
  P.VirtualTargets.reserve([&] {
    size_t N = 0;
    for (const Function *F : P.ById)
      for (const Block &B : F->Blocks)
        for (const Event &E : B.Events)
          N += E.Kind == EventKind::Call && E.Virtual;
    return N;
  }());
  for (const Function *F : P.ById)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind == EventKind::Call) {
          TargetList L;
          if (!E.Callee.empty() && !E.Virtual) {
            auto It = ByUsr.find(E.Callee);
            if (It != ByUsr.end())
              L = TargetList(&P.ById[It->second->LinkId], 1);
          } else if (!E.Callee.empty()) {
            P.VirtualTargets.push_back(P.resolveTargets(E));
            L = TargetList(P.VirtualTargets.back().data(),
                           P.VirtualTargets.back().size());
          } else if (!E.IndirectVia.empty() &&
                     !P.OpaqueSlots.count(E.IndirectVia)) {
            // Through a field or variable that only ever held functions:
            // those, and the functions of its type whose address escaped.
            auto Key = std::make_pair(E.IndirectVia, E.IndirectSig);
            auto Inserted = P.SlotTargets.try_emplace(Key);
            auto It = Inserted.first;
            if (Inserted.second) {
              std::set<const Function *> Seen;
              auto add = [&](const std::vector<const Function *> *Fns) {
                if (Fns)
                  for (const Function *T : *Fns)
                    if (Seen.insert(T).second)
                      It->second.push_back(T);
              };
              auto S = P.SlotFunctions.find(E.IndirectVia);
              add(S == P.SlotFunctions.end() ? nullptr : &S->second);
              auto Esc = P.EscapedBySignature.find(E.IndirectSig);
              add(Esc == P.EscapedBySignature.end() ? nullptr : &Esc->second);
              std::sort(It->second.begin(), It->second.end(),
                        [](const Function *A, const Function *B) {
                          return A->Usr < B->Usr;
                        });
            }
            L = TargetList(It->second.data(), It->second.size());
          } else if (!E.IndirectSig.empty()) {
            auto It = P.BySignature.find(E.IndirectSig);
            if (It != P.BySignature.end())
              L = TargetList(It->second.data(), It->second.size());
          }
          if (!L.empty()) {
            const_cast<Event &>(E).LinkTargets = uint32_t(P.CallTargets.size());
            P.CallTargets.push_back(L);
          }
          for (const Function *T : L)
            P.Called[T->LinkId] = true;
        }
        if (E.Kind == EventKind::Fork && !E.Callee.empty()) {
          auto It = ByUsr.find(E.Callee);
          if (It != ByUsr.end())
            P.Called[It->second->LinkId] = true;
        }
      }
  return P;
}

std::vector<const Function *>
Program::resolveTargets(const Event &Call) const {
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
