// SPDX-License-Identifier: Apache-2.0
#include "PointsTo.h"

#include <algorithm>
#include <set>

namespace forksafe {

namespace {
/// "USR#p3" -> ("USR", 3); npos index when Name is no parameter slot.
std::pair<std::string, size_t> paramSlot(const std::string &Name) {
  size_t Hash = Name.rfind("#p");
  if (Hash == std::string::npos || Hash + 2 >= Name.size())
    return {"", std::string::npos};
  size_t I = 0;
  for (size_t K = Hash + 2; K < Name.size(); ++K) {
    if (Name[K] < '0' || Name[K] > '9')
      return {"", std::string::npos};
    I = I * 10 + size_t(Name[K] - '0');
  }
  return {Name.substr(0, Hash), I};
}

bool insertSorted(std::vector<uint32_t> &V, uint32_t X) {
  auto It = std::lower_bound(V.begin(), V.end(), X);
  if (It != V.end() && *It == X)
    return false;
  V.insert(It, X);
  return true;
}
} // namespace

PointsTo::PointsTo(Program &P) : P(P) {
  size_t N = P.ById.size();
  ParamSlots.resize(N);
  EscapedFn.assign(N, false);
  for (const Function *F : P.ById)
    ByUsr.emplace(F->Usr, P.idOf(*F));
  for (const Function *F : P.ById) {
    if (F->AddressTaken && F->Escapes)
      EscapedFn[P.idOf(*F)] = true;
    if (F->AddressTaken)
      AddressTakenBySig[F->Signature].push_back(P.idOf(*F));
  }
  for (const TUFacts &U : P.Units) {
    for (const auto &[Slot, Fns] : U.FunctionSlots)
      for (const std::string &Usr : Fns)
        addSource(slot(Slot), "&" + Usr);
    for (const auto &[Dst, Src] : U.SlotFlows)
      addFlow(slot(Dst), slot(Src));
    for (const std::string &S : U.OpaqueSlots)
      setOpaque(slot(S));
    for (const auto &[Slot, Targets] : U.DataSlots)
      for (const std::string &T : Targets)
        addData(slot(Slot), T);
  }
  for (const Function *F : P.ById)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events)
        if (E.Kind == EventKind::Call)
          Calls.push_back(&E);
  Bound.resize(Calls.size());
  // Functions handed to code without a body escape: that code may call
  // them through any pointer of their type.
  for (const Event *C : Calls)
    if (!C->Callee.empty() && !ByUsr.count(C->Callee))
      for (const auto &[I, Src] : C->SlotArgs)
        if (Src.size() > 1 && Src[0] == '&') {
          auto It = ByUsr.find(Src.substr(1));
          if (It != ByUsr.end())
            EscapedFn[It->second] = true;
        }
  for (uint32_t Id = 0; Id < N; ++Id)
    if (EscapedFn[Id])
      EscapedBySig[P.ById[Id]->Signature].push_back(Id);
}

uint32_t PointsTo::slot(const std::string &Name) {
  auto [It, New] = Ids.try_emplace(Name, uint32_t(Pts.size()));
  if (New) {
    Pts.emplace_back();
    DataPts.emplace_back();
    Opaque.push_back(false);
    External.push_back(false);
    Flows.emplace_back();
    Queued.push_back(false);
    auto [Usr, Index] = paramSlot(Name);
    if (Index != std::string::npos) {
      auto F = ByUsr.find(Usr);
      if (F != ByUsr.end())
        ParamSlots[F->second].push_back(It->second);
    }
    // What a function without a body returns can be anything.
    if (Name.size() > 2 && Name.compare(Name.size() - 2, 2, "#r") == 0 &&
        !ByUsr.count(Name.substr(0, Name.size() - 2)))
      Opaque[It->second] = true;
  }
  return It->second;
}

void PointsTo::addFunction(uint32_t Slot, uint32_t Fn) {
  if (insertSorted(Pts[Slot], Fn) && !Queued[Slot]) {
    Queued[Slot] = true;
    Work.push_back(Slot);
  }
}

void PointsTo::addData(uint32_t Slot, const std::string &Target) {
  auto [It, New] = DataIds.try_emplace(Target, uint32_t(DataTargets.size()));
  if (New)
    DataTargets.push_back(Target);
  if (insertSorted(DataPts[Slot], It->second) && !Queued[Slot]) {
    Queued[Slot] = true;
    Work.push_back(Slot);
  }
}

void PointsTo::addFlow(uint32_t Dst, uint32_t Src) {
  if (Dst == Src || !insertSorted(Flows[Src], Dst))
    return;
  if (!Queued[Src]) {
    Queued[Src] = true;
    Work.push_back(Src);
  }
}

void PointsTo::setOpaque(uint32_t Slot) {
  if (Opaque[Slot])
    return;
  Opaque[Slot] = true;
  if (!Queued[Slot]) {
    Queued[Slot] = true;
    Work.push_back(Slot);
  }
}

void PointsTo::addSource(uint32_t Dst, const std::string &Source) {
  if (Source.empty())
    return;
  if (Source == "?") {
    setOpaque(Dst);
  } else if (Source[0] == '*') {
    addData(Dst, Source.substr(1));
  } else if (Source[0] == '&') {
    auto It = ByUsr.find(Source.substr(1));
    if (It != ByUsr.end())
      addFunction(Dst, It->second);
    else if (!External[Dst]) {
      External[Dst] = true;
      if (!Queued[Dst]) {
        Queued[Dst] = true;
        Work.push_back(Dst);
      }
    }
  } else {
    addFlow(Dst, slot(Source));
  }
}

void PointsTo::propagate() {
  while (!Work.empty()) {
    uint32_t S = Work.back();
    Work.pop_back();
    Queued[S] = false;
    for (uint32_t D : Flows[S]) {
      bool Changed = false;
      for (uint32_t F : Pts[S])
        Changed |= insertSorted(Pts[D], F);
      for (uint32_t T : DataPts[S])
        Changed |= insertSorted(DataPts[D], T);
      if (Opaque[S] && !Opaque[D]) {
        Opaque[D] = true;
        Changed = true;
      }
      if (External[S] && !External[D]) {
        External[D] = true;
        Changed = true;
      }
      if (Changed && !Queued[D]) {
        Queued[D] = true;
        Work.push_back(D);
      }
    }
  }
}

std::vector<uint32_t> PointsTo::directTargets(const Event &Call) const {
  std::vector<uint32_t> Out;
  auto It = ByUsr.find(Call.Callee);
  if (It != ByUsr.end())
    Out.push_back(It->second);
  if (Call.Virtual) {
    // Every override, transitively.
    std::vector<std::string> Work = {Call.Callee};
    std::set<std::string> Seen = {Call.Callee};
    while (!Work.empty()) {
      std::string U = Work.back();
      Work.pop_back();
      auto O = P.Overriders.find(U);
      if (O == P.Overriders.end())
        continue;
      for (const Function *F : O->second)
        if (Seen.insert(F->Usr).second) {
          Out.push_back(P.idOf(*F));
          Work.push_back(F->Usr);
        }
    }
  }
  return Out;
}

std::vector<uint32_t> PointsTo::indirectTargets(const Event &Call,
                                                bool &ByType) const {
  ByType = false;
  std::vector<uint32_t> Out;
  auto bySig = [&](const std::unordered_map<std::string, std::vector<uint32_t>> &M) {
    auto It = M.find(Call.IndirectSig);
    if (It != M.end())
      for (uint32_t F : It->second)
        insertSorted(Out, F);
  };
  auto S = Call.IndirectVia.empty() ? Ids.end() : Ids.find(Call.IndirectVia);
  if (S == Ids.end()) {
    // Through an expression that names no slot ('(c ? f : g)()', a cast):
    // any function of its type whose address is taken.
    bySig(AddressTakenBySig);
    ByType = !Out.empty();
    return Out;
  }
  Out = Pts[S->second];
  if (Opaque[S->second] || (Out.empty() && !External[S->second])) {
    size_t Before = Out.size();
    bySig(EscapedBySig);
    ByType = Out.size() != Before;
  }
  return Out;
}

void PointsTo::storePointees() {
  for (const auto &[Name, Slot] : Ids) {
    if (DataPts[Slot].empty() || paramSlot(Name).second != std::string::npos ||
        (Name.size() > 2 && Name.compare(Name.size() - 2, 2, "#r") == 0))
      continue;
    bool Field = Name.rfind("@FI@") != std::string::npos;
    auto &Out = Field ? P.MemberPointees[Name] : P.VarPointees[Name];
    for (uint32_t T : DataPts[Slot]) {
      const std::string &Target = DataTargets[T];
      size_t Cut = Target.find('\n');
      Program::Pointee Pt{Target.substr(0, Cut),
                          Cut == std::string::npos ? "" : Target.substr(Cut + 1)};
      if (std::none_of(Out.begin(), Out.end(), [&](const Program::Pointee &O) {
            return O.Var == Pt.Var && O.Path == Pt.Path;
          }))
        Out.push_back(std::move(Pt));
    }
  }
}

void PointsTo::bindArguments(const Event &Call, uint32_t Target) {
  for (const auto &[I, Src] : Call.SlotArgs)
    addSource(slot(P.ById[Target]->Usr + "#p" + std::to_string(I)), Src);
}

void PointsTo::run() {
  size_t N = P.ById.size();
  std::vector<bool> Called;
  auto solve = [&] {
    for (bool Changed = true; Changed;) {
      propagate();
      Changed = false;
      Called.assign(N, false);
      for (size_t C = 0; C < Calls.size(); ++C) {
        const Event &E = *Calls[C];
        bool ByType = false;
        std::vector<uint32_t> Ts =
            !E.Callee.empty() ? directTargets(E) : indirectTargets(E, ByType);
        for (uint32_t T : Ts) {
          Called[T] = true;
          if (insertSorted(Bound[C], T)) {
            bindArguments(E, T);
            Changed = true;
          }
        }
      }
    }
    for (const Function *F : P.ById)
      for (const Block &B : F->Blocks)
        for (const Event &E : B.Events)
          if (E.Kind == EventKind::Fork && !E.Callee.empty()) {
            auto It = ByUsr.find(E.Callee);
            if (It != ByUsr.end())
              Called[It->second] = true;
          }
  };
  // Code we cannot see calls the functions whose address it was given, and
  // uncalled ones whose address is stored where no call we resolved reads
  // it ('sa.sa_handler = on_hup'). In a library (no main), it may also call
  // any uncalled function it can name. In a program, an uncalled function
  // whose address is never taken is dead code (an unused 'static inline' of
  // a header, copied into every TU): not code that may run at any moment,
  // whose stores would make the globals it writes unknown everywhere.
  bool IsLibrary = P.Mains.empty();
  auto outside = [&](uint32_t Id) {
    const Function &F = *P.ById[Id];
    if (EscapedFn[Id])
      return true;
    if (Called[Id] || F.IsMain || F.IsStaticInit || F.IsStaticDtors)
      return false;
    return F.AddressTaken ||
           (IsLibrary && F.Usr.find("@tu@") == std::string::npos);
  };
  solve();
  // A function that code we cannot see may call: its function-pointer
  // parameters may hold anything. Decided once the calls we can see are
  // resolved, then solved again.
  bool More = false;
  for (uint32_t Id = 0; Id < N; ++Id)
    if (outside(Id))
      for (uint32_t S : ParamSlots[Id])
        if (!Opaque[S]) {
          setOpaque(S);
          More = true;
        }
  if (More)
    solve();
  storePointees();
  P.Called = Called;
  P.CalledFromOutside.assign(N, false);
  for (uint32_t Id = 0; Id < N; ++Id)
    P.CalledFromOutside[Id] = outside(Id);
  P.TakenAtRunTime.assign(N, false);
  for (const TUFacts &U : P.Units)
    for (const std::string &Usr : U.RunTimeAddressed)
      if (auto It = ByUsr.find(Usr); It != ByUsr.end())
        P.TakenAtRunTime[It->second] = true;
  // Store each call's targets (sorted by USR: the order findings are
  // explained in does not depend on link ids' history).
  for (size_t C = 0; C < Calls.size(); ++C) {
    const Event &E = *Calls[C];
    bool ByType = false;
    if (E.Callee.empty())
      indirectTargets(E, ByType);
    if (Bound[C].empty())
      continue;
    std::vector<const Function *> Fns;
    for (uint32_t T : Bound[C])
      Fns.push_back(P.ById[T]);
    std::sort(Fns.begin(), Fns.end(),
              [](const Function *A, const Function *B) { return A->Usr < B->Usr; });
    P.TargetStorage.push_back(std::move(Fns));
    const_cast<Event &>(E).LinkTargets = uint32_t(P.CallTargets.size());
    P.CallTargets.push_back(
        TargetList(P.TargetStorage.back().data(), P.TargetStorage.back().size()));
    P.CallByType.push_back(ByType);
  }
}

} // namespace forksafe
