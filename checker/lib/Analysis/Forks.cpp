// SPDX-License-Identifier: Apache-2.0
// Forks in the engine: child, parent and failure; pthread_atfork handlers.
#include "Engine.h"

#include <optional>
#include <string>

namespace forksafe {

void HandleAnalysis::runAtFork(const std::vector<const Function *> &Handlers,
                               const Event &At, const char *Kind, Disjunct D,
                               State &Out, std::vector<Pending> &Found) {
  State Cur{std::move(D)};
  for (const Function *Fn : Handlers) {
    const Note *N =
        note(Note::ChildCall, At.Loc,
             std::string("the pthread_atfork ") + Kind + " handler '" +
                 Fn->Name + "' runs here" +
                 (std::string(Kind) == "child" ? " in the child process" : ""));
    State Next;
    for (const Disjunct &C : Cur) {
      if (!relevant(*Fn, {}, C.H.flags())) {
        joinInto(Next, Disjunct(C), false);
        continue;
      }
      applySummary(*Fn, nullptr, C, {}, Via(N), calleeInput(*Fn, nullptr, C, {}),
                   Next, Found);
    }
    Cur = std::move(Next);
  }
  for (Disjunct &C : Cur)
    joinInto(Out, std::move(C), false);
}

const HookBinding *HandleAnalysis::forkedHere(const Event &E) const {
  if (!FrameworkHooks)
    return nullptr;
  // Every binding, not FrameworkHooks' (one per function and role): a
  // timer function forked from two places is two registrations.
  for (const TUFacts &U : P.Units)
    for (const HookBinding &B : U.Hooks)
      if (B.ForksHere && B.Loc == E.Loc && B.FunctionUsr == E.Callee)
        return &B;
  return nullptr;
}

State HandleAnalysis::runPostForkHooks(const HookBinding &Reg, State S,
                                       std::vector<Pending> &Found) {
  auto It = FrameworkHooks->find(Reg.Framework);
  if (It == FrameworkHooks->end())
    return S;
  for (const HookBinding *B : It->second) {
    if (B->Role != HookRole::PostFork)
      continue;
    auto Fn = P.Functions.find(B->FunctionUsr);
    if (Fn == P.Functions.end())
      continue;
    std::optional<int64_t> Rank;
    if (!Reg.WorkerArgs.empty())
      Rank = Reg.WorkerArgs.front();
    else if (!B->WorkerArgs.empty())
      Rank = B->WorkerArgs.front();
    const Note *N = note(Note::ChildCall, B->Loc,
                         "'" + B->FunctionName +
                             "' runs first in that process" +
                             (Rank ? " (with " + std::to_string(*Rank) + ")"
                                   : std::string()));
    State Next;
    for (const Disjunct &D : S) {
      if (!relevant(*Fn->second, {}, D.H.flags())) {
        joinInto(Next, Disjunct(D), false);
        continue;
      }
      Env In = calleeInput(*Fn->second, nullptr, D, {});
      if (Rank)
        for (const auto &[Place, Val] : rankInput(*Rank))
          In.set(Place, Val);
      applySummary(*Fn->second, nullptr, D, {}, Via(N), In, Next, Found);
    }
    S = std::move(Next);
  }
  return S;
}

void HandleAnalysis::applyFork(const Event &E, const FlowGraph::Event &GE,
                               const Bindings &B, State &S,
                               std::vector<Pending> &Found) {
  (void)B;
  uint32_t Result = GE.Result;
  if (E.Fork == ForkKind::Daemon) {
    // The parent exits at once: a socket now has one user again, but a
    // process-bound handle belongs to the process that just exited.
    for (Disjunct &D : S) {
      if (H.Sem != Semantics::SharedSocket)
        D.H = inherit(D.H, E,
                      "daemon() forks here and only the child continues; " +
                          name() + " belongs to the parent");
      D.Child = true;
      D.V.toChild();
      if (Result != FlowGraph::NoRef)
        D.V.erase(Result);
    }
    return;
  }
  std::string Msg = E.ForkApi + " forks here; the child inherits " + name();
  if (E.Fork == ForkKind::Clone) {
    // The child runs the callee and exits; the parent goes on. A
    // framework's process forked by a registration ('fork_basic_timer()')
    // runs the framework's post-fork hooks first, and says so in its note.
    auto It = P.Functions.find(E.Callee);
    const HookBinding *Reg = forkedHere(E);
    for (Disjunct &D : S) {
      if (It != P.Functions.end()) {
        Disjunct C = D;
        C.H = inherit(D.H, E, Reg ? Reg->Note : Msg);
        if (Reg && C.H.I && !D.H.I) { // the framework's remedy applies
          C.H.I->Framework = Mem.intern(Reg->Framework);
          C.H.I->ForkApi = Mem.intern(E.ForkApi + " forks a process for '" +
                                      E.CalleeName + "'");
        }
        C.Child = true;
        C.V.toChild();
        State Child{std::move(C)};
        if (Reg)
          Child = runPostForkHooks(*Reg, std::move(Child), Found);
        const Note *ChildCall =
            Reg ? nullptr
                : note(Note::ChildCall, E.Loc,
                       "'" + E.CalleeName +
                           "' runs in the child process created here");
        for (const Disjunct &Cd : Child) {
          if (!relevant(*It->second, {}, Cd.H.flags()))
            continue;
          const Summary &Sum = analyze(*It->second, Cd.H.flags(), {}, Env());
          for (const Pending &Pd : Sum.Findings)
            addFinding(Found, resolveFinding(Pd, Cd, ChildCall, ChildCall));
        }
      }
      if (Result != FlowGraph::NoRef)
        D.V.set(Result, AbsVal::range(1, AbsVal::Max));
    }
    return;
  }
  State Next;
  for (Disjunct &D : S) {
    State Before;
    runAtFork(P.AtForkPrepare, E, "prepare", D, Before, Found);
    for (Disjunct &Pre : Before) {
      Disjunct Child = Pre;
      Child.H = inherit(Pre.H, E, Msg);
      Child.Child = true;
      Child.V.toChild();
      if (Result != FlowGraph::NoRef) {
        Disjunct Failed = Pre; // no child: still the parent
        Failed.V.set(Result, AbsVal::constant(-1));
        joinInto(Next, std::move(Failed), false);
        Pre.V.set(Result, AbsVal::range(1, AbsVal::Max));
        Child.V.set(Result, AbsVal::constant(0));
      }
      runAtFork(P.AtForkParent, E, "parent", std::move(Pre), Next, Found);
      runAtFork(P.AtForkChild, E, "child", std::move(Child), Next, Found);
    }
  }
  S = std::move(Next);
}

} // namespace forksafe
