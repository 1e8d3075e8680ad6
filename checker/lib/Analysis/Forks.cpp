// SPDX-License-Identifier: Apache-2.0
// Forks in the engine: child, parent and failure; pthread_atfork handlers.
#include "Engine.h"

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
    // The child runs the callee and exits; the parent goes on.
    auto It = P.Functions.find(E.Callee);
    for (Disjunct &D : S) {
      if (It != P.Functions.end()) {
        Disjunct C = D;
        C.H = inherit(D.H, E, Msg);
        C.Child = true;
        C.V.toChild();
        if (relevant(*It->second, {}, C.H.flags())) {
          const Summary &Sum = analyze(*It->second, C.H.flags(), {}, Env());
          const Note *ChildCall = note(Note::ChildCall, E.Loc,
                                       "'" + E.CalleeName +
                                           "' runs in the child process "
                                           "created here");
          for (const Pending &Pd : Sum.Findings)
            addFinding(Found, resolveFinding(Pd, C, ChildCall, ChildCall));
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
