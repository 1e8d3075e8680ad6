// SPDX-License-Identifier: Apache-2.0
// Calls in the engine (Engine.h): what a callee is given, what its summary
// does to the caller, and how witnesses pass through the call. Forks are in
// Forks.cpp, the program's entry points in EntryPoints.cpp.
#include "Engine.h"

#include "ValueEval.h"

#include <algorithm>
#include <map>

namespace forksafe {

namespace {

bool pathPrefix(const std::string &Prefix, const std::string &Full,
                std::string &Rest) {
  if (Full.compare(0, Prefix.size(), Prefix) != 0)
    return false;
  Rest = Full.substr(Prefix.size());
  return Rest.empty() || Rest[0] == '.' || Rest[0] == '[';
}

bool aborts(const std::string &AbortsIf, const AbsVal &Ret) {
  if (Ret.empty())
    return false;
  return (AbortsIf == "negative" && Ret.Hi < 0) ||
         (AbortsIf == "nonzero" && !Ret.mayBeZero());
}

uint32_t mapped(const FlowGraph &G, const FlowGraph::Event *Call,
                uint32_t CalleePlace) {
  if (!Call)
    return FlowGraph::NoRef;
  for (const FlowGraph::PlaceMap *M = G.mapBegin(*Call), *End = G.mapEnd(*Call);
       M != End; ++M)
    if (M->Callee == CalleePlace)
      return M->Caller;
  return FlowGraph::NoRef;
}
} // namespace

// --- Witnesses across calls ------------------------------------------------

const Note *HandleAnalysis::note(Note::Kind K, const Location &L,
                                 std::string Msg) {
  Note N;
  N.What = K;
  N.Loc = L;
  N.Message = std::move(Msg);
  return Mem.add(std::move(N));
}

Chain HandleAnalysis::prefixed(const Via &V, Chain Rest) {
  if (V.N)
    return Mem.prefixed(V.N, Rest);
  Recipe R = V.InChild ? (V.Typed ? Recipe::TypedChildCall : Recipe::ChildCall)
                       : (V.Typed ? Recipe::TypedCall : Recipe::Call);
  return Mem.prefixed(R, *V.E, Rest);
}

HState HandleAnalysis::resolveState(const HState &Exit, const HState &Caller,
                                    const Via &Call) {
  HState Out;
  if (Exit.L) {
    if (Exit.L->FromInput)
      Out.L = Caller.L ? *Caller.L : LiveW();
    else
      Out.L = LiveW{false, Call ? prefixed(Call, Exit.L->Created)
                                : Exit.L->Created};
  }
  if (Exit.I) {
    if (Exit.I->FromInput)
      Out.I = Caller.I ? *Caller.I : InhW();
    else
      Out.I = resolveInh(*Exit.I, Caller, Call);
  }
  return Out;
}

InhW HandleAnalysis::resolveInh(const InhW &W, const HState &Caller,
                                const Via &Call) {
  InhW Out = W;
  if (W.CreatedFromInput) {
    Out.CreatedFromInput = Caller.L ? Caller.L->FromInput : false;
    Out.Created = Caller.L ? Caller.L->Created : nullptr;
  } else if (Call) {
    Out.Created = prefixed(Call, W.Created);
  }
  if (Call)
    Out.Fork = prefixed(Call, W.Fork);
  return Out;
}

Pending HandleAnalysis::resolveFinding(const Pending &Pd, const Disjunct &Caller,
                                       const Via &Call, const Via &ChildCall) {
  Pending Out;
  Out.Close = Pd.Close;
  Out.Harm = Pd.Harm;
  Out.Assumed = addAssumed(uint16_t(Pd.Assumed), Caller.Assumed);
  if (Pd.I.FromInput) {
    // The fork happened above this call: the call is on the child's path.
    Out.I = Caller.H.I ? *Caller.H.I : InhW();
    Out.Use = ChildCall ? prefixed(ChildCall, Pd.Use) : Pd.Use;
  } else {
    Out.I = resolveInh(Pd.I, Caller.H, Call);
    Out.Use = Pd.Use;
  }
  return Out;
}

HState HandleAnalysis::inherit(const HState &From, const Event &E,
                               const std::string &Msg) {
  HState Child;
  if (From.I) {
    Child.I = From.I;
  } else if (From.L) {
    InhW W;
    W.CreatedFromInput = From.L->FromInput;
    W.Created = From.L->Created;
    W.Fork = Mem.single(note(Note::Fork, E.Loc, Msg));
    W.ForkApi = E.ForkApi;
    Child.I = W;
  }
  return Child;
}

// --- Calls -----------------------------------------------------------------

HandleAnalysis::Bindings HandleAnalysis::bindArgs(const Event &Call,
                                                  const Bindings &B) const {
  Bindings Out;
  for (const auto &[Index, Ref] : Call.Args) {
    std::optional<HandleRef> C = concrete(Ref);
    if (!C)
      continue;
    std::string Rest;
    if (C->Kind == HandleRef::Param) {
      auto It = B.find(C->ParamIndex);
      if (It != B.end() && pathPrefix(C->Path, It->second, Rest))
        Out[Index] = Rest;
    } else if (C->Var == H.Var && pathPrefix(C->Path, H.Path, Rest)) {
      Out[Index] = Rest;
    } else if (auto It = VarRoutes.find(C->Var); It != VarRoutes.end()) {
      // A pointer to the handle's object: the callee sees the object.
      for (const std::string &Path : It->second)
        if (pathPrefix(Path + C->Path, H.Path, Rest)) {
          Out[Index] = Rest;
          break;
        }
    } else if (Index == -1 && C->Kind != HandleRef::Result) {
      // An object whose pointer member may point to the handle's
      // ('App app{&g_state}'): its methods reach it as 'this->state'.
      std::string Class = Program::classOf(Call.Callee);
      for (const MemberRoute &Route : MemberRoutes)
        if (!Class.empty() && Route.Class == Class) {
          Out[Index] = "." + Route.Member + Route.Rest;
          break;
        }
    }
  }
  return Out;
}

Env HandleAnalysis::calleeInput(const Function &F, const FlowGraph::Event *Call,
                                const Disjunct &D, const Bindings &B) const {
  // The callee sees the values of the parameters it reads and of the
  // globals and caller memory it (or its callees) reads; the rest would
  // only split its summaries.
  Env In;
  const FlowGraph::Function &GF = G.function(P.idOf(F));
  HState Scratch = D.H;
  Oracle O(*this, B, Scratch);
  if (Call)
    for (const FlowGraph::ArgValue *A = G.argsBegin(*Call),
                                   *End = G.argsEnd(*Call);
         A != End; ++A) {
      uint32_t Param = G.paramPlace(A->Param);
      if (Param == FlowGraph::NoRef || A->Param >= 32 ||
          !(GF.ParamsRead & (uint32_t(1) << A->Param)))
        continue;
      In.set(Param, evaluate(G.expr(A->Expr), D.V, O));
    }
  // The smaller side is walked: a short list of the globals the callee
  // reads, or the caller's values (a component's set can hold thousands).
  if (auto [Begin, End] = G.globalReadsList(GF);
      Begin && size_t(End - Begin) < D.V.size()) {
    for (const uint32_t *R = Begin; R != End; ++R)
      if (const AbsVal *V = D.V.find(*R))
        In.set(*R, *V);
  } else {
    for (const auto &[Place, Value] : D.V)
      if (G.readsGlobal(GF, Place))
        In.set(Place, Value);
  }
  for (const uint32_t *R = G.memReadsBegin(GF), *End = G.memReadsEnd(GF);
       R != End; ++R)
    if (uint32_t Mine = mapped(G, Call, *R); Mine != FlowGraph::NoRef)
      In.set(*R, D.V.get(Mine));
  return In;
}

void HandleAnalysis::applySummary(const Function &F, const FlowGraph::Event *Call,
                                  const Disjunct &D, const Bindings &CalleeB,
                                  const Via &V, const Env &In, State &Out,
                                  std::vector<Pending> &Found,
                                  const std::string *AbortsIf) {
  Via Child = V;
  Child.InChild = true;
  const Summary &Sum = analyze(F, D.H.flags(), CalleeB, In);
  for (const Pending &Pd : Sum.Findings)
    addFinding(Found, resolveFinding(Pd, D, V, V.N ? V : Child));
  const FlowGraph::Function &GF = G.function(P.idOf(F));
  for (const ExitCase &X : Sum.Exits) {
    // A hook's error return stops the framework before it forks.
    if (AbortsIf && aborts(*AbortsIf, X.Ret))
      continue;
    Disjunct N = D;
    N.H = resolveState(X.D.H, D.H, V);
    N.Assumed = addAssumed(D.Assumed, X.D.Assumed);
    if (X.D.Child && !N.Child) {
      N.Child = true;
      N.V.toChild();
    } else if (X.D.Child) {
      N.V.toChild();
    }
    // What the callee stored (globals, and the caller's memory it was
    // handed: '&pid', 'cmd'), and what its branches learnt of what it read
    // ('if (db_url)' in a callee decides 'db_url' for the caller too).
    auto [RBegin, REnd] = G.globalReadsList(GF);
    auto [WBegin, WEnd] = G.globalWritesList(GF);
    if (RBegin && WBegin &&
        size_t(REnd - RBegin) + size_t(WEnd - WBegin) <
            N.V.size() + X.D.V.size()) {
      for (auto [Begin, End] :
           {std::pair{WBegin, WEnd}, std::pair{RBegin, REnd}})
        for (const uint32_t *W = Begin; W != End; ++W)
          if (!G.place(*W).Untrusted)
            N.V.set(*W, X.D.V.get(*W));
    } else {
      auto passes = [&](uint32_t Place) { // the callee's value is the caller's
        return !G.place(Place).Untrusted &&
               (G.writesGlobal(GF, Place) || G.readsGlobal(GF, Place));
      };
      N.V.filter([&](uint32_t Place) { return !passes(Place); });
      for (const auto &[Place, Value] : X.D.V)
        if (passes(Place))
          N.V.set(Place, Value);
    }
    for (auto [Begin, End] :
         {std::pair{G.memWritesBegin(GF), G.memWritesEnd(GF)},
          std::pair{G.memReadsBegin(GF), G.memReadsEnd(GF)}})
      for (const uint32_t *W = Begin; W != End; ++W) {
        uint32_t Mine = mapped(G, Call, *W);
        if (Mine == FlowGraph::NoRef || G.place(Mine).Untrusted)
          continue;
        N.V.set(Mine, X.D.V.get(*W));
      }
    if (Call && Call->Result != FlowGraph::NoRef) {
      N.V.set(Call->Result, X.Ret);
      for (const FlowGraph::PlaceMap *M = G.resultMapBegin(*Call),
                                     *End = G.resultMapEnd(*Call);
           M != End; ++M)
        N.V.set(M->Caller, X.D.V.get(M->Callee));
    }
    joinInto(Out, std::move(N), false);
  }
}

void HandleAnalysis::havocWrites(const Function &F, const FlowGraph::Event *Call,
                                 Disjunct &D) const {
  const FlowGraph::Function &GF = G.function(P.idOf(F));
  if (auto [Begin, End] = G.globalWritesList(GF);
      Begin && size_t(End - Begin) < D.V.size())
    for (const uint32_t *W = Begin; W != End; ++W)
      D.V.erase(*W);
  else
    D.V.filter([&](uint32_t Place) { return !G.writesGlobal(GF, Place); });
  for (const uint32_t *W = G.memWritesBegin(GF), *End = G.memWritesEnd(GF);
       W != End; ++W)
    if (uint32_t Mine = mapped(G, Call, *W); Mine != FlowGraph::NoRef)
      D.V.erase(Mine);
  if (Call && Call->Result != FlowGraph::NoRef) {
    D.V.erase(Call->Result);
    for (const FlowGraph::PlaceMap *M = G.resultMapBegin(*Call),
                                   *End = G.resultMapEnd(*Call);
         M != End; ++M)
      D.V.erase(M->Caller);
  }
}

bool HandleAnalysis::narrowByRegistration(
    const Event &E, const Disjunct &D,
    llvm::SmallVectorImpl<const Function *> &Run) const {
  auto drop = [&](auto Pred) {
    Run.erase(std::remove_if(Run.begin(), Run.end(), Pred), Run.end());
  };
  // A registry's dispatcher with a known key runs the callbacks filed
  // under that key, not those of every other key. One filed under a
  // configured name (or a dispatch of an unknown key) may also match
  // nothing: running none of them is one more way.
  bool MaybeNone = false;
  if (Registries)
    if (int K = Registries->dispatchKeyParam(E); K >= 0) {
      const AbsVal *Key = D.V.find(G.paramPlace(K));
      if (Key && Key->isConst()) {
        drop([&](const Function *T) {
          return Registries->skips(P.idOf(*T), Key->Lo);
        });
        MaybeNone = std::any_of(Run.begin(), Run.end(), [&](const Function *T) {
          return !Registries->filedUnder(P.idOf(*T), Key->Lo);
        });
      } else {
        MaybeNone = true;
      }
    }
  // Before the handle exists, in a process not known to be a worker: a
  // callback only workers register is not in this process' tables. (A
  // summary does not know which process runs it; a worker that creates
  // the handle through such a callback and then forks again is missed.)
  if (Workers && E.Callee.empty() && D.H.flags() == 0 && !D.Child)
    drop([&](const Function *T) {
      return Workers->registeredInWorkersOnly(P.idOf(*T));
    });
  return MaybeNone;
}

void HandleAnalysis::applyCall(const Event &E, const FlowGraph::Event &GE,
                               const Bindings &B, State &S,
                               std::vector<Pending> &Found) {
  TargetList Targets = P.targets(E);
  if (Targets.empty()) {
    if (E.NoReturn)
      S.clear();
    else if (GE.Result != FlowGraph::NoRef)
      for (Disjunct &D : S)
        D.V.erase(GE.Result);
    return; // unknown callee: assumed not to touch the handle or fork
  }
  Bindings CalleeB = bindArgs(E, B);
  Via Call(E, false, P.resolvedByType(E));
  State Next;
  for (const Disjunct &D : S) {
    // 'modules[i].on_stage(...)' with i known: that element's function.
    const Function *Element = nullptr;
    bool Indexed = false;
    if (GE.Table) {
      HState Scratch = D.H;
      Oracle O(*this, B, Scratch);
      AbsVal I = evaluate(G.expr(GE.TableIndex), D.V, O);
      if (I.isConst()) {
        Indexed = true;
        if (I.Lo >= 0 && uint64_t(I.Lo) < GE.Table->size())
          Element = (*GE.Table)[size_t(I.Lo)];
        if (!Element) { // no function there: nothing is called
          joinInto(Next, Disjunct(D), false);
          continue;
        }
      }
    }
    // '(*handler)(args)' where this path knows which function 'handler'
    // holds (a caller passed it): that one, if it is among the targets.
    if (!Indexed && GE.CalleeValue != FlowGraph::NoExpr && Targets.size() > 1) {
      HState Scratch = D.H;
      Oracle O(*this, B, Scratch);
      if (auto Id = evaluate(G.expr(GE.CalleeValue), D.V, O).functionId())
        for (const Function *T : Targets)
          if (P.idOf(*T) == *Id) {
            Element = T;
            Indexed = true;
          }
    }
    auto runOne = [&](const Function &T, const Disjunct &Dj, State &Into,
                      std::vector<Pending> &F) {
      uint32_t Id = P.idOf(T);
      // Before this process holds the handle (nothing live, nothing
      // inherited), a callee that cannot create it can only change the
      // values it writes: taken as code without a body that writes them,
      // unless it never returns. The walk from main to where the handle is
      // created then costs a call per call site, not a summary per context.
      // Except a callee that forks: which process returns from it (a fork
      // wrapper's result, the flags it sets in one process) decides where
      // the handle is created later.
      // And a callee whose returned value this call tests: a helper's
      // 'return NULL' on a configuration still unset decides whether the
      // caller goes on to connect.
      bool Decides = decidesResult(GE, Id);
      bool Havoc = Dj.H.flags() == 0 && CalleeB.empty() && !Fns.Creates[Id] &&
                   !Rel.forks(Id) && !G.function(Id).NeverReturns &&
                   !E.NoReturn && !Decides;
      if (Havoc || (!Decides && !relevant(T, CalleeB, Dj.H.flags()))) {
        Disjunct N = Dj;
        if (Havoc)
          havocWrites(T, &GE, N);
        else if (GE.Result != FlowGraph::NoRef)
          N.V.erase(GE.Result);
        joinInto(Into, std::move(N), false);
        return;
      }
      applySummary(T, &GE, Dj, CalleeB, Call, calleeInput(T, &GE, Dj, CalleeB),
                   Into, F);
    };
    llvm::SmallVector<const Function *, 8> Run;
    if (Indexed)
      Run.push_back(Element);
    else
      Run.assign(Targets.begin(), Targets.end());
    bool MaybeNone = !Indexed && narrowByRegistration(E, D, Run);
    if (Run.empty()) { // nothing filed under the key, or only workers' own
      joinInto(Next, Disjunct(D), false);
      continue;
    }
    // Choices matter on a child's path: in a child (a summary of a function
    // a child runs sees the handle inherited, not Child), or where a target
    // may fork while the handle is live. And before the handle exists, for
    // a function that would create it and that code registers as it runs
    // (a call argument, a store in a function body): the points-to analysis
    // does not say whether that code ran before this call (a master's
    // dispatch() "may" run a callback only a session registers). A function
    // a static's initialiser puts in place (a module's export table) is
    // there from the start: a loop over the table runs it.
    auto registeredCreator = [&](const Function *T) {
      return Fns.Creates[P.idOf(*T)] && P.TakenAtRunTime[P.idOf(*T)];
    };
    bool CreatesHere = D.H.flags() == 0 &&
                       std::any_of(Run.begin(), Run.end(), registeredCreator);
    size_t Ways = Run.size() + (MaybeNone ? 1 : 0);
    bool MayChoose =
        Ways > 1 &&
        (D.Child || D.H.I || CreatesHere ||
         (D.H.L && std::any_of(Run.begin(), Run.end(), [&](const Function *T) {
            return Rel.forks(*T);
          })));
    // A loop that calls each element's function (EachElement): all of
    // them run, one after another, and none is a choice.
    if (E.EachElement && !Indexed && !MaybeNone && Run.size() > 1) {
      State Cur;
      joinInto(Cur, Disjunct(D), false);
      for (const Function *T : Run) {
        State After;
        for (const Disjunct &X : Cur)
          runOne(*T, X, After, Found);
        Cur = std::move(After);
      }
      for (Disjunct &X : Cur)
        joinInto(Next, std::move(X), false);
      continue;
    }
    if (!MayChoose) {
      for (const Function *T : Run)
        runOne(*T, D, Next, Found);
      if (MaybeNone)
        joinInto(Next, Disjunct(D), false);
      continue;
    }
    // Several functions may run here and one does. A child's outcome, a
    // finding, or a handle created here by a function registered at run
    // time, that not all of them produce rests on that choice (addAssumed).
    // Other parent outcomes do not: they only set up what the child
    // inherits, and a loop over a static table of module inits runs them
    // all.
    std::vector<State> Outs(Ways);
    std::vector<std::vector<Pending>> Finds(Ways);
    for (size_t I = 0; I < Run.size(); ++I)
      runOne(*Run[I], D, Outs[I], Finds[I]);
    if (MaybeNone)
      joinInto(Outs.back(), Disjunct(D), false);
    // What every way that returns or finds produces: outcomes by (child,
    // handle facts), findings by check, as bits.
    auto outcomeBit = [](const Disjunct &X) {
      return 1u << (X.H.flags() | (X.Child ? 4 : 0));
    };
    auto findingBit = [](const Pending &Pd) { return Pd.Close ? 2u : 1u; };
    unsigned CommonOutcomes = ~0u, CommonFindings = ~0u;
    for (size_t J = 0; J < Ways; ++J) {
      if (Outs[J].empty() && Finds[J].empty())
        continue; // never returns and finds nothing: not a way out
      unsigned O = 0, Fd = 0;
      for (const Disjunct &X : Outs[J])
        O |= outcomeBit(X);
      for (const Pending &Pd : Finds[J])
        Fd |= findingBit(Pd);
      CommonOutcomes &= O;
      CommonFindings &= Fd;
    }
    for (size_t I = 0; I < Ways; ++I) {
      for (Disjunct &X : Outs[I]) {
        if ((X.Child || X.H.I ||
             (CreatesHere && X.H.L && I < Run.size() &&
              P.TakenAtRunTime[P.idOf(*Run[I])])) &&
            !(CommonOutcomes & outcomeBit(X)))
          X.Assumed = addAssumed(X.Assumed, ChoiceUnit);
        joinInto(Next, std::move(X), false);
      }
      for (Pending &Pd : Finds[I]) {
        if (!(CommonFindings & findingBit(Pd)))
          Pd.Assumed = addAssumed(Pd.Assumed, ChoiceUnit);
        addFinding(Found, std::move(Pd));
      }
    }
  }
  if (resultMakesHandle(E, GE, B))
    for (Disjunct &D : Next)
      D.H =
          HState{LiveW{false, Mem.single(Recipe::MadeByCall, E)}, std::nullopt};
  S = std::move(Next);
}

} // namespace forksafe
