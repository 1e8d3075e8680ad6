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
  // What each function's body names, and the candidates: named only as
  // code runs, never by a static's initialiser, and not a worker entry.
  std::vector<std::vector<uint32_t>> Names(N);
  std::vector<bool> Candidate(N, false);
  for (const Function *F : P.ById)
    for (const std::string &Usr : F->TakesAddressOf)
      if (int64_t Id = idOf(Usr); Id >= 0) {
        Names[P.idOf(*F)].push_back(uint32_t(Id));
        Candidate[size_t(Id)] = P.TakenAtRunTime[size_t(Id)] &&
                                !Static[size_t(Id)] && !WorkerEntry[size_t(Id)];
      }
  // What the master can run, from its entries, never into a worker's
  // entry. A call through a pointer into a candidate is held back
  // (Pending) until master code is found to name it, then followed: one
  // pass, linear in the program.
  std::vector<bool> Master(N, false), Pending(N, false);
  std::vector<uint32_t> Work;
  // A worker entry is entered by a direct call only: master code that
  // calls a request handler itself runs it in the master.
  auto visit = [&](uint32_t Id, bool Direct = false) {
    if (!Master[Id] && (Direct || !WorkerEntry[Id])) {
      Master[Id] = true;
      Work.push_back(Id);
    }
  };
  for (uint32_t Id = 0; Id < N; ++Id) {
    const Function &F = *P.ById[Id];
    if (F.IsMain || F.IsStaticInit || F.IsStaticDtors || MasterEntry[Id] ||
        !P.Called[Id] || P.CalledFromOutside[Id]) {
      if (Candidate[Id])
        Pending[Id] = true; // an entry too, once the master registers it
      else
        visit(Id);
    }
  }
  while (!Work.empty()) {
    uint32_t Id = Work.back();
    Work.pop_back();
    for (uint32_t Named : Names[Id])
      if (Candidate[Named]) { // the master registers it
        Candidate[Named] = false;
        if (Pending[Named])
          visit(Named);
      }
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
            Pending[TId] = true;
          else
            visit(TId, !E.Callee.empty());
        }
      }
  }
  InWorkersOnly = std::move(Candidate);
}

} // namespace forksafe
