// SPDX-License-Identifier: Apache-2.0
// Links per-TU facts into one program. The first definition of a USR wins
// (inline functions defined in headers appear in many TUs; file-local ones
// carry their TU in their USR); units are sorted first so the winner does
// not depend on -j or on the database order.
#include "Factories.h"
#include "PointsTo.h"

#include "forksafe/Program.h"
#include "forksafe/StableSort.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace forksafe {

namespace {
/// Whether a place key ("USR" + member path) is rooted at one of Roots.
/// USRs may hold '.' themselves ("c:db.c@g"): every cut is tried.
bool rootedAt(const std::string &Key, const std::set<std::string> &Roots) {
  if (Roots.count(Key))
    return true;
  for (size_t Cut = Key.find_first_of(".*["); Cut != std::string::npos;
       Cut = Key.find_first_of(".*[", Cut + 1))
    if (Roots.count(Key.substr(0, Cut)))
      return true;
  return false;
}

void collectAtForkHandlers(Program &P) {
  std::set<const Function *> Seen[3];
  std::vector<const Function *> *Lists[3] = {&P.AtForkPrepare, &P.AtForkParent,
                                             &P.AtForkChild};
  for (const Function *F : P.ById)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind != EventKind::AtFork)
          continue;
        const std::string *Usrs[3] = {&E.Prepare, &E.Parent, &E.Child};
        for (int K = 0; K < 3; ++K) {
          auto It = P.Functions.find(*Usrs[K]);
          if (It != P.Functions.end() && Seen[K].insert(It->second).second)
            Lists[K]->push_back(It->second);
        }
      }
  for (auto *L : Lists)
    std::sort(L->begin(), L->end(),
              [](const Function *A, const Function *B) { return A->Usr < B->Usr; });
}

/// Initial values that hold: the same in every TU that states one, for a
/// global no TU lets another name write.
void mergeGlobalInits(Program &P) {
  std::set<std::string> Escaped, Conflicting;
  for (const TUFacts &U : P.Units) {
    Escaped.insert(U.EscapedGlobals.begin(), U.EscapedGlobals.end());
    // Written when the configuration is read: unknown, then stable.
    Escaped.insert(U.ConfiguredGlobals.begin(), U.ConfiguredGlobals.end());
  }
  for (const TUFacts &U : P.Units)
    P.ConfiguredGlobals.insert(U.ConfiguredGlobals.begin(),
                               U.ConfiguredGlobals.end());
  for (const TUFacts &U : P.Units)
    for (const auto &[Key, V] : U.GlobalInits) {
      if (P.ConfiguredGlobals.count(Key)) {
        auto [It, New] = P.ConfiguredInits.emplace(Key, V);
        if (!New && It->second != V)
          Conflicting.insert(Key);
      }
      if (rootedAt(Key, Escaped))
        continue;
      auto [It, New] = P.GlobalInits.emplace(Key, V);
      if (!New && It->second != V)
        Conflicting.insert(Key);
    }
  for (const std::string &K : Conflicting) {
    P.GlobalInits.erase(K);
    P.ConfiguredInits.erase(K);
  }
}

/// Table elements' initial values, for the fields no TU writes: a field is
/// known by its struct, not by the table, since a pointer to an element
/// can be written anywhere.
void mergeElementInits(Program &P) {
  constexpr size_t MaxElements = 1 << 16;
  std::set<std::string> Written;
  for (const TUFacts &U : P.Units) {
    if (!U.FieldWritesKnown)
      return; // facts from before writes were recorded: any may write
    Written.insert(U.WrittenFields.begin(), U.WrittenFields.end());
  }
  std::set<std::pair<std::string, size_t>> Conflicting;
  for (const TUFacts &U : P.Units)
    for (const auto &[Key, V] : U.ElementInits) {
      size_t Open = Key.find('['), Close = Key.find(']', Open);
      if (Open == std::string::npos || Close == std::string::npos)
        continue;
      std::string Table = Key.substr(0, Open), Field = Key.substr(Close + 1);
      size_t Index = Close > Open + 1 ? 0 : MaxElements;
      for (size_t I = Open + 1; I < Close && Index < MaxElements; ++I)
        Index = Key[I] >= '0' && Key[I] <= '9'
                    ? Index * 10 + size_t(Key[I] - '0')
                    : MaxElements;
      auto Struct = U.ElementTypes.find(Table);
      if (Index >= MaxElements || Struct == U.ElementTypes.end() ||
          Written.count(Struct->second + Field) ||
          Written.count(Struct->second + ".*"))
        continue;
      std::vector<std::optional<int64_t>> &Col = P.ElementInits[Table + Field];
      if (Col.size() <= Index)
        Col.resize(Index + 1);
      if (Col[Index] && *Col[Index] != V)
        Conflicting.insert({Table + Field, Index});
      Col[Index] = V;
    }
  for (const auto &[Column, Index] : Conflicting)
    P.ElementInits[Column][Index].reset();
}
/// Of several definitions of main() (a database holding a server and its
/// tools), the one whose direct calls reach the most functions: the
/// program that uses most of the database. Null if there is at most one.
const Function *largestMain(const std::vector<TUFacts> &Units) {
  std::vector<const Function *> Mains;
  std::unordered_map<std::string, const Function *> ByUsr;
  for (const TUFacts &U : Units)
    for (const Function &F : U.Functions) {
      if (F.IsMain)
        Mains.push_back(&F);
      else
        ByUsr.emplace(F.Usr, &F);
    }
  if (Mains.size() < 2)
    return nullptr;
  const Function *Best = nullptr;
  size_t BestReach = 0;
  for (const Function *M : Mains) {
    std::set<const Function *> Seen = {M};
    std::vector<const Function *> Work = {M};
    while (!Work.empty()) {
      const Function *F = Work.back();
      Work.pop_back();
      for (const Block &B : F->Blocks)
        for (const Event &E : B.Events)
          if (auto It = ByUsr.find(E.Callee);
              !E.Callee.empty() && It != ByUsr.end() &&
              Seen.insert(It->second).second)
            Work.push_back(It->second);
    }
    if (Seen.size() > BestReach) {
      Best = M;
      BestReach = Seen.size();
    }
  }
  return Best;
}
} // namespace

std::string Program::classOf(const std::string &Usr) {
  size_t Cut = Usr.rfind("@FI@");
  if (Cut == std::string::npos)
    Cut = Usr.rfind("@F@");
  return Cut == std::string::npos ? "" : Usr.substr(0, Cut);
}

Program link(std::vector<TUFacts> Units) {
  Program P;
  stableSort(Units, [](const TUFacts &A, const TUFacts &B) {
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
  const Function *Chosen = largestMain(P.Units);
  std::map<std::string, const HandleVar *> OpaqueRoots;
  for (const TUFacts &U : P.Units) {
    for (const Function &F : U.Functions) {
      if (F.IsMain && Chosen && &F != Chosen) {
        P.OtherMains.push_back(&F);
        continue;
      }
      if (!P.Functions.emplace(F.Usr, &F).second)
        continue;
      if (F.IsStaticInit)
        P.StaticInits.push_back(&F);
      else if (F.IsStaticDtors)
        P.StaticDtors.push_back(&F);
      else if (F.IsMain)
        P.Mains.push_back(&F);
      for (const std::string &O : F.Overrides)
        P.Overriders[O].push_back(&F);
    }
    for (const HandleVar &H : U.Handles) {
      if (H.OpaqueRoot) {
        OpaqueRoots.emplace(H.Key, &H);
        continue;
      }
      auto [It, New] = P.Handles.emplace(H.Key, &H);
      if (!New && H.IsDefinition && !It->second->IsDefinition)
        It->second = &H; // prefer the definition over an extern declaration
    }
  }
  for (const auto &[Usr, F] : P.Functions) {
    // P owns the units: the ids and target slots are written into them.
    const_cast<Function *>(F)->LinkId = uint32_t(P.ById.size());
    P.ById.push_back(F);
  }
  PointsTo(P).run();
  for (const TUFacts &U : P.Units)
    for (const auto &[Key, Usrs] : U.Tables) {
      std::vector<const Function *> &Fns = P.Tables[Key];
      if (!Fns.empty())
        continue; // a const table defined in a header: the first wins
      for (const std::string &Usr : Usrs) {
        auto It = P.Functions.find(Usr);
        Fns.push_back(It == P.Functions.end() ? nullptr : It->second);
      }
    }
  linkFactories(P, OpaqueRoots);
  collectAtForkHandlers(P);
  mergeGlobalInits(P);
  mergeElementInits(P);
  return P;
}

} // namespace forksafe
