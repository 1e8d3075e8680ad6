// SPDX-License-Identifier: Apache-2.0
// Which callbacks only worker processes register (WorkerCallbacks.h).
#include "WorkerCallbacks.h"

#include <unordered_map>

namespace forksafe {

WorkerCallbacks::WorkerCallbacks(const Program &P) {
  size_t N = P.ById.size();
  InWorkersOnly.assign(N, false);
  auto idOf = [&](const std::string &Usr) -> int64_t {
    auto It = P.Functions.find(Usr);
    return It == P.Functions.end() ? -1 : int64_t(P.idOf(*It->second));
  };
  // Functions that run in a worker only: post-fork hooks the master does
  // not also call (no master-args) and request handlers. A pre-fork hook
  // role wins: such a function also runs in the master.
  std::vector<bool> WorkerEntry(N, false), MasterEntry(N, false);
  for (const TUFacts &U : P.Units)
    for (const HookBinding &B : U.Hooks)
      if (int64_t Id = idOf(B.FunctionUsr); Id >= 0) {
        bool Worker = B.Role == HookRole::Request ||
                      (B.Role == HookRole::PostFork && B.MasterArgs.empty());
        (Worker ? WorkerEntry : MasterEntry)[size_t(Id)] = true;
      }
  for (size_t Id = 0; Id < N; ++Id)
    if (MasterEntry[Id])
      WorkerEntry[Id] = false;
  // Named before main() runs: in place in every process.
  std::vector<bool> Static(N, false);
  for (const TUFacts &U : P.Units)
    for (const std::string &Usr : U.StaticallyAddressed)
      if (int64_t Id = idOf(Usr); Id >= 0)
        Static[size_t(Id)] = true;
  std::unordered_map<uint32_t, std::vector<uint32_t>> Namers;
  for (const Function *F : P.ById)
    for (const std::string &Usr : F->TakesAddressOf)
      if (int64_t Id = idOf(Usr); Id >= 0)
        Namers[uint32_t(Id)].push_back(P.idOf(*F));
  std::vector<bool> Candidate(N, false);
  for (const auto &[Id, Ns] : Namers)
    Candidate[Id] = P.TakenAtRunTime[Id] && !Static[Id] && !WorkerEntry[Id];
  // What the master can run: from its entries, not into a worker's entry,
  // and not through a function pointer into a candidate (that is what is
  // being decided). Dropping candidates only adds to it: iterate.
  for (bool Changed = true; Changed;) {
    std::vector<bool> Master(N, false);
    std::vector<uint32_t> Work;
    auto visit = [&](uint32_t Id) {
      if (!Master[Id] && !WorkerEntry[Id]) {
        Master[Id] = true;
        Work.push_back(Id);
      }
    };
    for (uint32_t Id = 0; Id < N; ++Id) {
      const Function &F = *P.ById[Id];
      if (Candidate[Id])
        continue;
      if (F.IsMain || F.IsStaticInit || F.IsStaticDtors || MasterEntry[Id] ||
          !P.Called[Id] || P.CalledFromOutside[Id])
        visit(Id);
    }
    while (!Work.empty()) {
      uint32_t Id = Work.back();
      Work.pop_back();
      for (const Block &B : P.ById[Id]->Blocks)
        for (const Event &E : B.Events) {
          if (E.Kind == EventKind::Fork || E.Kind == EventKind::AtFork) {
            for (const std::string *Usr :
                 {&E.Callee, &E.Prepare, &E.Parent, &E.Child})
              if (int64_t T = idOf(*Usr); T >= 0)
                visit(uint32_t(T));
            continue;
          }
          if (E.Kind != EventKind::Call)
            continue;
          for (const Function *T : P.targets(E)) {
            uint32_t TId = P.idOf(*T);
            if (E.Callee.empty() && Candidate[TId])
              continue;
            visit(TId);
          }
        }
    }
    Changed = false;
    for (const auto &[Id, Ns] : Namers) {
      if (!Candidate[Id])
        continue;
      for (uint32_t Namer : Ns)
        if (Master[Namer]) {
          Candidate[Id] = false;
          Changed = true;
          break;
        }
    }
  }
  InWorkersOnly = std::move(Candidate);
}

} // namespace forksafe
