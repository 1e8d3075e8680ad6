// SPDX-License-Identifier: Apache-2.0
// The transfer of one event to a program point's disjuncts, and its findings.
#include "Engine.h"

#include "ValueEval.h"

#include <algorithm>

namespace forksafe {

void HandleAnalysis::transfer(const Event &E, const FlowGraph::Event &GE,
                              const Bindings &B, State &S,
                              std::vector<Pending> &Found) {
  switch (E.Kind) {
  case EventKind::Create:
  case EventKind::Connect:
  case EventKind::Reset: {
    if (E.Once) { // a static local's initialiser: once per process tree
      bool Initialised = false;
      for (const Disjunct &D : S)
        Initialised |= D.H.L || D.H.I;
      if (Initialised) {
        for (Disjunct &D : S)
          if (!D.H.L && !D.H.I)
            D.H.L = LiveW{false, Mem.single(Recipe::OnceMade, E)};
        return;
      }
    }
    Chain N = Mem.single(Recipe::Made, E);
    for (Disjunct &D : S)
      D.H = HState{LiveW{false, N}, std::nullopt};
    return;
  }
  case EventKind::Close:
    for (Disjunct &D : S) {
      if (D.H.I && E.HarmfulClose) {
        Pending Pd;
        Pd.I = *D.H.I;
        Pd.Use = Mem.single(Recipe::Closed, E);
        Pd.Close = true;
        Pd.Harm = E.Harm;
        Pd.Assumed = D.Assumed;
        addFinding(Found, Pd);
      }
      D.H = HState();
    }
    return;
  case EventKind::Init:
  case EventKind::Kill:
    for (Disjunct &D : S)
      D.H = HState();
    return;
  case EventKind::Use:
    for (Disjunct &D : S) {
      if (D.H.I) {
        Pending Pd;
        Pd.I = *D.H.I;
        Pd.Use = Mem.single(Recipe::Used, E);
        Pd.Assumed = D.Assumed;
        addFinding(Found, Pd);
      } else if (E.Connects && !D.H.L) { // a lazy handle's first use
        D.H.L = LiveW{false, Mem.single(Recipe::FirstUse, E)};
      }
    }
    return;
  case EventKind::Assign:
    for (Disjunct &D : S) {
      Oracle O(*this, B, D.H);
      AbsVal V = evaluate(G.expr(GE.Value), D.V, O);
      D.V.set(GE.Dst, V);
    }
    return;
  case EventKind::Exit: {
    // Only an inherited handle's destructor can do harm (and the note is
    // only written then).
    bool AnyInherited = std::any_of(S.begin(), S.end(),
                                    [](const Disjunct &D) { return bool(D.H.I); });
    if (E.Exit == ExitKind::Exit && AnyInherited) {
      Note Exit;
      Exit.What = Note::ChildCall;
      Exit.Loc = E.Loc;
      Exit.Message = E.Api + "() runs the destructors of static objects here";
      if (E.Api == "exit") { // _Exit (C99 <stdlib.h>) runs none
        Exit.Edits.push_back({E.Loc, "exit", "_Exit"});
      }
      const Note *AtExit = Mem.add(std::move(Exit));
      for (const Disjunct &D : S)
        if (D.H.I) {
          std::vector<Pending> Dtor;
          runStaticDestructors(D.H, AtExit, Dtor);
          for (Pending &Pd : Dtor) {
            Pd.Assumed = addAssumed(uint16_t(Pd.Assumed), D.Assumed);
            addFinding(Found, std::move(Pd));
          }
        }
    }
    S.clear();
    return;
  }
  case EventKind::Fork:
    applyFork(E, GE, B, S, Found);
    return;
  case EventKind::Call:
    applyCall(E, GE, B, S, Found);
    return;
  case EventKind::AtFork:
    return;
  }
}

void HandleAnalysis::addFinding(std::vector<Pending> &Out, Pending Pd) const {
  // The best witness per inherited-from-above or not, per check and per
  // fork site (a few: the others are named in notes).
  constexpr size_t MaxSites = 4;
  std::optional<Location> Site = forkSiteOf(Pd);
  size_t Same = 0;
  Pending *Worst = nullptr;
  for (Pending &Q : Out) {
    if (Q.I.FromInput != Pd.I.FromInput || Q.Close != Pd.Close)
      continue;
    if (forkSiteOf(Q) == Site) {
      if (betterPending(Pd, Q))
        Q = std::move(Pd);
      return;
    }
    ++Same;
    if (!Worst || betterPending(*Worst, Q))
      Worst = &Q;
  }
  if (Same < MaxSites)
    Out.push_back(std::move(Pd));
  else if (betterPending(Pd, *Worst))
    *Worst = std::move(Pd);
}

} // namespace forksafe
