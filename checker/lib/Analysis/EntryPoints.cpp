// SPDX-License-Identifier: Apache-2.0
// Where the engine starts: entry functions, main's return, frameworks' models.
#include "Engine.h"

#include <algorithm>
#include <map>
#include <optional>

namespace forksafe {

void HandleAnalysis::setFrameworkHooks(const HooksByFramework *Hooks) {
  FrameworkHooks = Hooks;
  RankedHook.assign(P.ById.size(), false);
  for (const auto &[Fw, Bindings] : *Hooks)
    for (const HookBinding *B : Bindings)
      if (B->Role == HookRole::PostFork &&
          !(B->MasterArgs.empty() && B->WorkerArgs.empty()))
        if (auto It = P.Functions.find(B->FunctionUsr);
            It != P.Functions.end())
          RankedHook[P.idOf(*It->second)] = true;
}

int HandleAnalysis::keptParam(uint32_t Fn) const {
  if (Fn < RankedHook.size() && RankedHook[Fn])
    return 0;
  return Registries ? Registries->keyParam(Fn) : -1;
}

Env HandleAnalysis::rankInput(int64_t Rank) const {
  Env E;
  if (uint32_t Param = G.paramPlace(0); Param != FlowGraph::NoRef)
    E.set(Param, AbsVal::constant(Rank));
  return E;
}

State HandleAnalysis::startState() const {
  Disjunct D;
  D.V = G.initialGlobals();
  return State{D};
}

State HandleAnalysis::runEntry(const Function &F, const State &In,
                               const Env &Params, const Note *Via_,
                               const std::string &AbortsIf) {
  State Out;
  Via V(Via_);
  for (const Disjunct &D : In) {
    if (!relevant(F, {}, D.H.flags())) {
      joinInto(Out, Disjunct(D), false);
      continue;
    }
    Env Input = calleeInput(F, nullptr, D, {});
    for (const auto &[Place, Val] : Params)
      Input.set(Place, Val);
    std::vector<Pending> Found;
    applySummary(F, nullptr, D, {}, V, Input, Out, Found,
                 AbortsIf.empty() ? nullptr : &AbortsIf);
    for (Pending &Pd : Found)
      Results.push_back(std::move(Pd));
  }
  return Out;
}

void HandleAnalysis::runStaticDestructors(const HState &St, const Note *At,
                                          std::vector<Pending> &Found) {
  Disjunct D;
  D.H = St;
  for (const Function *Dtor : P.StaticDtors) {
    if (!relevant(*Dtor, {}, St.flags()))
      continue;
    const Summary &Sum = analyze(*Dtor, St.flags(), {}, Env());
    for (const Pending &Pd : Sum.Findings)
      if (Pd.Close)
        addFinding(Found, resolveFinding(Pd, D, At, At));
  }
}

void HandleAnalysis::returnFromMain(const Function &Main, const State &AtReturn) {
  const Note *At = nullptr;
  for (const Disjunct &D : AtReturn) {
    if (!D.H.I)
      continue;
    if (!At)
      At = note(Note::ChildCall, Main.Loc,
                "returning from main runs the destructors of static objects");
    std::vector<Pending> Found;
    runStaticDestructors(D.H, At, Found);
    for (Pending &Pd : Found) {
      Pd.Assumed = addAssumed(uint16_t(Pd.Assumed), D.Assumed);
      Results.push_back(std::move(Pd));
    }
  }
}

void HandleAnalysis::runFramework(const std::string &Fw,
                                  const std::string &Display,
                                  const std::vector<const HookBinding *> &Bindings,
                                  const State &Start) {
  auto functionOf = [&](const HookBinding *B) -> const Function * {
    auto It = P.Functions.find(B->FunctionUsr);
    return It == P.Functions.end() ? nullptr : It->second;
  };
  Chain CreatorHook = nullptr;
  auto run = [&](const HookBinding *B, const State &In, const Env &Params,
                 const Note *HookNote) {
    const Function *F = functionOf(B);
    if (!F)
      return In;
    State Out = runEntry(*F, In, Params, HookNote, B->AbortsIf);
    for (const Disjunct &D : Out)
      if (D.H.L && !CreatorHook &&
          std::none_of(In.begin(), In.end(),
                       [](const Disjunct &X) { return bool(X.H.L); }))
        CreatorHook = Mem.single(HookNote);
    return Out;
  };
  State Master = Start;
  for (const HookBinding *B : Bindings)
    if (B->Role == HookRole::PreFork)
      Master = run(B, Master, {}, note(Note::Hook, B->Loc, B->Note));
  for (const HookBinding *B : Bindings)
    if (B->Role == HookRole::PostFork)
      for (int64_t V : B->MasterArgs)
        Master = run(B, Master, rankInput(V),
                     note(Note::Hook, B->Loc,
                          Display + " also calls '" + B->FunctionName +
                              "' in the master process before it forks (with " +
                              std::to_string(V) + ")"));
  bool AnyLive = std::any_of(Master.begin(), Master.end(), [](const Disjunct &D) {
    return D.H.L || D.H.I;
  });
  if (!AnyLive)
    return;
  // Each worker is a child of the master.
  State Worker;
  for (const Disjunct &D : Master) {
    Disjunct C = D;
    C.H = HState();
    if (D.H.I) {
      C.H.I = D.H.I;
    } else if (D.H.L) {
      InhW W;
      W.CreatedFromInput = D.H.L->FromInput;
      W.Created = D.H.L->Created;
      // The worker hook that reaches the use is the fork's note (Via).
      W.ForkApi = Mem.intern(Display + " forks its worker processes");
      W.Hooks = CreatorHook;
      W.Framework = Fw;
      C.H.I = W;
    }
    C.Child = true;
    C.V.toChild();
    Worker.push_back(std::move(C));
  }
  // The post-fork hooks run first in every worker, with the rank of the
  // worker's kind: a request hook may name its own (Kamailio's timer
  // routines run in the timer process, child_init(PROC_TIMER)).
  std::map<std::optional<int64_t>, State> AfterPostFork;
  auto workerState = [&](std::optional<int64_t> Rank) -> const State & {
    auto [It, New] = AfterPostFork.try_emplace(Rank);
    if (!New)
      return It->second;
    State W = Worker;
    for (const HookBinding *B : Bindings) {
      if (B->Role != HookRole::PostFork)
        continue;
      std::optional<int64_t> Arg = Rank;
      if (!Arg && !B->WorkerArgs.empty())
        Arg = B->WorkerArgs.front();
      W = run(B, W, Arg ? rankInput(*Arg) : Env(),
              note(Note::Fork, B->Loc, B->Note));
    }
    return It->second = std::move(W);
  };
  workerState(std::nullopt);
  for (const HookBinding *B : Bindings)
    if (B->Role == HookRole::Request && !B->ForksHere) {
      std::optional<int64_t> Rank;
      if (!B->WorkerArgs.empty())
        Rank = B->WorkerArgs.front();
      run(B, workerState(Rank), {}, note(Note::Fork, B->Loc, B->Note));
    }
}

} // namespace forksafe
