// SPDX-License-Identifier: Apache-2.0
// Which values the analysis follows, and where they flow between functions.
//
// A value matters only if it can decide a branch (or which element of a
// table a call goes through). Starting from the places that conditions name,
// the closure goes backwards: what is stored into a decisive place, the
// parameters and returned values it comes from, the caller memory a callee
// writes it into. Stores, arguments and returns outside the closure are
// dropped, so the analysis carries small environments and summaries split
// only on values that change a path.
#include "FlowGraphBuilder.h"

#include "ValueEval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace forksafe {

namespace {
constexpr unsigned MaxPathParts = 6;

/// Strongly connected components of the call graph (Tarjan's, iterative),
/// callees' components before their callers'. Calls[F]: F's calls, each
/// with its Callee.
template <typename CallT>
std::vector<std::vector<uint32_t>>
callGraphSccs(const std::vector<std::vector<CallT>> &Calls) {
  size_t N = Calls.size();
  constexpr uint32_t Unvisited = UINT32_MAX;
  std::vector<uint32_t> Index(N, Unvisited), Low(N, 0);
  std::vector<bool> OnStack(N, false);
  std::vector<uint32_t> Stack;
  std::vector<std::pair<uint32_t, size_t>> Frames; // node, next edge
  std::vector<std::vector<uint32_t>> Out;
  uint32_t Next = 0;
  for (uint32_t Root = 0; Root < N; ++Root) {
    if (Index[Root] != Unvisited)
      continue;
    Frames.push_back({Root, 0});
    Index[Root] = Low[Root] = Next++;
    Stack.push_back(Root);
    OnStack[Root] = true;
    while (!Frames.empty()) {
      auto &[V, Edge] = Frames.back();
      if (Edge < Calls[V].size()) {
        uint32_t W = Calls[V][Edge++].Callee;
        if (Index[W] == Unvisited) {
          Index[W] = Low[W] = Next++;
          Stack.push_back(W);
          OnStack[W] = true;
          Frames.push_back({W, 0});
        } else if (OnStack[W]) {
          Low[V] = std::min(Low[V], Index[W]);
        }
        continue;
      }
      uint32_t Done = V;
      Frames.pop_back();
      if (!Frames.empty())
        Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[Done]);
      if (Low[Done] == Index[Done]) {
        std::vector<uint32_t> Scc;
        uint32_t W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = false;
          Scc.push_back(W);
        } while (W != Done);
        Out.push_back(std::move(Scc));
      }
    }
  }
  return Out;
}

unsigned pathParts(const std::string &Path) {
  unsigned N = 0;
  for (char C : Path)
    N += C == '.' || C == '*' || C == '[';
  return N;
}

/// Calls that hand on caller memory: '&x' or a pointer's value.
bool argBase(const ValueNode *N, uint32_t &Base, bool &Address) {
  if (N->Op == ValueOp::AddrOf && N[1].Op == ValueOp::Place) {
    Base = uint32_t(N[1].Imm);
    Address = true;
    return true;
  }
  if (N->Op == ValueOp::Place) {
    Base = uint32_t(N->Imm);
    Address = false;
    return true;
  }
  return false;
}
} // namespace

void FlowGraph::Builder::decide(uint32_t Fn, uint32_t Expr) {
  if (Expr == NoExpr)
    return;
  const ValueNode *N = G.expr(Expr), *End = skipExpr(N);
  for (; N != End; ++N) {
    if (N->Op != ValueOp::Place)
      continue;
    uint32_t Pl = uint32_t(N->Imm);
    const HandleRef &R = *G.Places[Pl].Ref;
    if (R.Kind == HandleRef::Param && R.Path.empty() && R.ParamIndex >= 0)
      Work.push_back({Item::ParamItem, Fn, uint32_t(R.ParamIndex)});
    else
      Work.push_back({Item::PlaceItem, Pl, 0});
  }
}

void FlowGraph::Builder::decidePlace(uint32_t Pl) {
  if (decisive(Pl))
    return;
  std::string Root = rootKeyOf(*G.Places[Pl].Ref);
  if (DecisivePlace.size() < G.Places.size())
    DecisivePlace.resize(G.Places.size(), 0);
  // The whole struct: a member read decides, the struct is copied whole.
  // A root's stores are followed once; a member interned later (by a
  // call's mapping) only adds itself.
  bool First = RootsDone.insert(Root).second;
  std::vector<uint32_t> Family =
      First ? PlacesByRoot[Root] : std::vector<uint32_t>{Pl};
  for (uint32_t F : Family)
    DecisivePlace[F] = 1;
  if (First) {
    // What is stored into it.
    for (uint32_t E : AssignsByRoot[Root])
      decide(EventFn[E], G.Events[E].Value);
    for (uint32_t E : ResultsByRoot[Root])
      if (G.Events[E].Kind == EventKind::Call)
        for (uint32_t T = G.Events[E].TargetsBegin;
             T < G.Events[E].TargetsEnd; ++T)
          Work.push_back({Item::ReturnItem, G.TargetIds[T], 0});
  }
  for (uint32_t F : Family) {
    // (intern() below may grow G.Places: no reference into it is kept.)
    const HandleRef &QRef = *G.Places[F].Ref;
    bool QParamMemory = G.Places[F].ParamMemory;
    // Memory behind a parameter: the places it stands for in the callers
    // of the functions that name it.
    if (QParamMemory)
      if (auto Users = ParamMemoryUsers.find(F); Users != ParamMemoryUsers.end())
        for (uint32_t User : std::vector<uint32_t>(Users->second))
          for (uint32_t E : CallsTo[User])
            if (uint32_t Mine = translate(E, F); Mine != NoRef)
              Work.push_back({Item::PlaceItem, Mine, 0});
    // Caller memory handed to a callee: the callee's stores into it. The
    // calls are indexed by the path of what they pass, so only those that
    // pass a prefix of this place ('&cfg', '&cfg.db' for 'cfg.db.pid') are
    // visited: a parameter's root ('p0') is shared by every function.
    const std::string Path = QRef.Path;
    for (size_t K = 0; K <= Path.size(); ++K) {
      if (K < Path.size() && Path[K] != '.' && Path[K] != '[' && Path[K] != '*')
        continue;
      auto Bases = ArgBasesByBase.find(Root + '\x01' + Path.substr(0, K));
      if (Bases == ArgBasesByBase.end() || Bases->second.size() > MaxArgBases)
        continue; // budget: see MaxArgBases
      for (const ArgBase &A : std::vector<ArgBase>(Bases->second)) {
        const std::string &BasePath = G.Places[A.Base].Ref->Path;
        std::string Suffix = Path.substr(BasePath.size());
        if (!Suffix.empty() && Suffix[0] != '.' && Suffix[0] != '[' &&
            Suffix[0] != '*')
          continue;
        HandleRef R;
        R.Kind = HandleRef::Param;
        R.ParamIndex = A.Param;
        R.Path = A.Address ? (Suffix.empty() ? "*" : Suffix) : Suffix;
        if (R.Path.empty() || pathParts(R.Path) > MaxPathParts)
          continue; // the parameter's own value (not memory), or too deep
        auto It = Ids.find(keyOf(R));
        if (It == Ids.end())
          continue; // no function names it: nothing stores through it
        uint32_t Callee = It->second;
        // Each (call, callee place) once: a struct passed by address to
        // thousands of calls has hundreds of members.
        if (G.Events[A.Event].TargetsEnd - G.Events[A.Event].TargetsBegin >
                MaxMappedTargets ||
            !CallsMapped.insert(uint64_t(A.Event) << 32 | Callee).second)
          continue;
        // The callees store through it ('*out = fork()' for '&pid').
        for (uint32_t T = G.Events[A.Event].TargetsBegin;
             T < G.Events[A.Event].TargetsEnd; ++T)
          addParamMemoryUser(Callee, G.TargetIds[T]);
        Work.push_back({Item::PlaceItem, Callee, 0});
      }
    }
  }
}

void FlowGraph::Builder::decideParam(uint32_t Fn, uint32_t Index) {
  std::vector<char> &Params = DecisiveParam[Fn];
  if (Params.size() <= Index)
    Params.resize(Index + 1, 0);
  if (Params[Index])
    return;
  Params[Index] = 1;
  for (uint32_t E : CallsTo[Fn]) {
    const Event &Ev = G.Events[E];
    for (uint32_t A = Ev.ArgsBegin; A < Ev.ArgsEnd; ++A)
      if (G.Args[A].Param == int(Index))
        decide(EventFn[E], G.Args[A].Expr);
  }
}

void FlowGraph::Builder::decideReturn(uint32_t Fn) {
  if (DecisiveReturn[Fn])
    return;
  DecisiveReturn[Fn] = 1;
  for (uint32_t X : ReturnExprs[Fn])
    decide(Fn, X);
}

void FlowGraph::Builder::markDecisive() {
  size_t N = P.ById.size();
  DecisiveParam.resize(N);
  DecisiveReturn.assign(N, 0);
  CallsTo.resize(N);
  for (uint32_t E = 0; E < G.Events.size(); ++E) {
    const Event &Ev = G.Events[E];
    if (Ev.Dst != NoRef)
      AssignsByRoot[rootKeyOf(*G.Places[Ev.Dst].Ref)].push_back(E);
    if (Ev.Result != NoRef)
      ResultsByRoot[rootKeyOf(*G.Places[Ev.Result].Ref)].push_back(E);
    for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T)
      CallsTo[G.TargetIds[T]].push_back(E);
    for (uint32_t A = Ev.ArgsBegin; A < Ev.ArgsEnd; ++A) {
      int J = G.Args[A].Param;
      if (J < 0 || G.Args[A].Expr == NoExpr)
        continue;
      uint32_t Base;
      bool Address;
      if (argBase(G.expr(G.Args[A].Expr), Base, Address))
        ArgBasesByBase[rootKeyOf(*G.Places[Base].Ref) + '\x01' +
                       G.Places[Base].Ref->Path]
            .push_back({E, J, Base, Address});
    }
  }
  // Seeds: what branches test, table indices, and what the hooks whose
  // error return stops a framework return.
  if (KeptParams)
    for (uint32_t F = 0; F < KeptParams->size() && F < N; ++F)
      if ((*KeptParams)[F] >= 0)
        Work.push_back({Item::ParamItem, F, uint32_t((*KeptParams)[F])});
  for (const TUFacts &U : P.Units)
    for (const HookBinding &B : U.Hooks)
      if (!B.AbortsIf.empty())
        if (auto It = P.Functions.find(B.FunctionUsr); It != P.Functions.end())
          Work.push_back({Item::ReturnItem, P.idOf(*It->second), 0});
  for (uint32_t F = 0; F < N; ++F) {
    const Function &Fn = G.Functions[F];
    for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
      const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
      decide(F, Bl.Cond);
      for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E) {
        decide(F, G.Events[E].TableIndex);
        decide(F, G.Events[E].CalleeValue);
      }
    }
  }
  while (!Work.empty()) {
    Item I = Work.back();
    Work.pop_back();
    switch (I.K) {
    case Item::PlaceItem:
      decidePlace(I.A);
      break;
    case Item::ParamItem:
      decideParam(I.A, I.B);
      break;
    case Item::ReturnItem:
      decideReturn(I.A);
      break;
    }
  }
  DecisivePlace.resize(G.Places.size(), 0);
}

void FlowGraph::Builder::dropIndecisive() {
  for (Event &Ev : G.Events) {
    if (Ev.Dst != NoRef && !decisive(Ev.Dst))
      Ev.Dst = NoRef;
    if (Ev.Result != NoRef && !decisive(Ev.Result))
      Ev.Result = NoRef;
  }
  for (uint32_t F = 0; F < G.Functions.size(); ++F) {
    Function &Fn = G.Functions[F];
    for (size_t I = 0; I < DecisiveParam[F].size() && I < 32; ++I)
      if (DecisiveParam[F][I])
        Fn.ParamsRead |= uint32_t(1) << I;
    for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
      uint32_t &Return = G.Blocks[Fn.BlocksBegin + B].Return;
      if (!DecisiveReturn[F])
        Return = NoExpr;
      else if (Return != NoExpr)
        Fn.ReturnsValue = true;
    }
  }
}

void FlowGraph::Builder::summariseValues() {
  // FORKSAFE_VALUE_BUDGET: an experiment's budget (docs/engine.md,
  // "Debugging the engine"); anything but a positive count keeps the
  // default, and says so.
  size_t Budget = MaxValueSetEntries;
  if (const char *E = std::getenv("FORKSAFE_VALUE_BUDGET")) {
    char *End = nullptr;
    unsigned long long V = std::strtoull(E, &End, 10);
    if (*E >= '0' && *E <= '9' && End && *End == '\0' && V > 0)
      Budget = size_t(V);
    else
      std::fprintf(stderr,
                   "forksafe: warning: FORKSAFE_VALUE_BUDGET='%s' is not a "
                   "positive number of entries; using %zu\n",
                   E, Budget);
  }
  if (summariseValuesWithin(Budget))
    return;
  if (std::getenv("FORKSAFE_TRACE"))
    std::fprintf(stderr, "trace: value sets over budget: globals untrusted\n");
  // Over budget (a program whose every function reads, through its
  // callees, thousands of deciding globals): globals are no longer
  // followed across calls. They become untrusted, like those written from
  // outside: their tests go both ways, and a finding that rests on one
  // counts it as an assumption. Fork results, constants, returned values
  // and parameter memory are still followed.
  for (Place &Pl : G.Places)
    if (Pl.Global)
      Pl.Untrusted = true;
  summariseValuesWithin(SIZE_MAX);
}

bool FlowGraph::Builder::summariseValuesWithin(size_t Budget) {
  size_t N = P.ById.size();
  size_t Entries = 0;
  // What each function itself reads and writes of the values that matter
  // and that callers can see: globals and memory behind parameters.
  auto visible = [&](uint32_t Pl) {
    return decisive(Pl) && !G.Places[Pl].Untrusted &&
           (G.Places[Pl].Global || G.Places[Pl].ParamMemory);
  };
  // Semi-naive, callees first: each function's sets are lists in the order
  // entries arrived, and each call remembers how much of its callee's lists
  // it has taken, so an entry crosses a call once. Callees' strongly
  // connected components come before their callers' (Tarjan), and within
  // one the functions that gained something queue their callers again.
  struct Call {
    uint32_t Event, Callee;
    uint32_t ReadsTaken = 0, WritesTaken = 0;
  };
  std::vector<std::vector<uint32_t>> Reads(N), Writes(N);
  // Membership while one function's lists grow: place -> function + 1.
  std::vector<uint32_t> InReads(G.Places.size(), 0), InWrites(G.Places.size(), 0);
  std::vector<bool> MayExit(N);
  std::vector<std::vector<Call>> Calls(N);
  auto add = [](std::vector<uint32_t> &List, std::vector<uint32_t> &In,
                uint32_t F, uint32_t Q) {
    if (In[Q] == F + 1)
      return false;
    In[Q] = F + 1;
    List.push_back(Q);
    return true;
  };
  // Marks F's lists as F's (another function may have marked the places
  // since).
  auto own = [&](uint32_t F) {
    for (uint32_t Q : Reads[F])
      InReads[Q] = F + 1;
    for (uint32_t Q : Writes[F])
      InWrites[Q] = F + 1;
  };
  for (uint32_t F = 0; F < N; ++F) {
    const Function &Fn = G.Functions[F];
    MayExit[F] = Fn.MayExit;
    auto read = [&](uint32_t Expr) {
      if (Expr == NoExpr)
        return;
      for (const ValueNode *X = G.expr(Expr), *End = skipExpr(X); X != End; ++X)
        if (X->Op == ValueOp::Place && visible(uint32_t(X->Imm)))
          add(Reads[F], InReads, F, uint32_t(X->Imm));
    };
    for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
      const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
      read(Bl.Cond);
      read(Bl.Return);
      for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E) {
        const Event &Ev = G.Events[E];
        read(Ev.TableIndex);
        read(Ev.CalleeValue);
        if (Ev.Dst != NoRef)
          read(Ev.Value);
        for (uint32_t A = Ev.ArgsBegin; A < Ev.ArgsEnd; ++A)
          read(G.Args[A].Expr);
        for (uint32_t W : {Ev.Dst, Ev.Result})
          if (W != NoRef && visible(W))
            add(Writes[F], InWrites, F, W);
        for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T)
          if (G.TargetIds[T] != F)
            Calls[F].push_back({E, G.TargetIds[T]});
      }
    }
  }
  // Through callees: globals as they are, parameter memory as the call
  // maps it to the caller's places. Whether F gained anything.
  auto absorb = [&](uint32_t F) {
    own(F);
    bool Gained = false;
    for (Call &C : Calls[F]) {
      if (MayExit[C.Callee] && !MayExit[F])
        MayExit[F] = Gained = true;
      for (auto [Sets, In, Taken] :
           {std::tuple{&Reads, &InReads, &C.ReadsTaken},
            std::tuple{&Writes, &InWrites, &C.WritesTaken}}) {
        const std::vector<uint32_t> &From = (*Sets)[C.Callee];
        for (; *Taken < From.size(); ++*Taken) {
          uint32_t Q = From[*Taken];
          uint32_t Mine = G.Places[Q].Global ? Q : translate(C.Event, Q);
          if (Mine != NoRef && visible(Mine) && add((*Sets)[F], *In, F, Mine)) {
            Gained = true;
            ++Entries; // the budget counts what calls add
          }
        }
      }
    }
    return Gained;
  };
  std::vector<uint32_t> SccOf(N);
  std::vector<std::vector<uint32_t>> Sccs = callGraphSccs(Calls);
  for (uint32_t I = 0; I < Sccs.size(); ++I)
    for (uint32_t F : Sccs[I])
      SccOf[F] = I;
  std::vector<std::vector<uint32_t>> CallersInScc(N);
  for (uint32_t F = 0; F < N; ++F)
    for (const Call &C : Calls[F])
      if (SccOf[C.Callee] == SccOf[F])
        CallersInScc[C.Callee].push_back(F);
  std::vector<bool> Queued(N, false);
  std::vector<uint32_t> Work;
  for (const std::vector<uint32_t> &Scc : Sccs) {
    for (uint32_t F : Scc) {
      Work.push_back(F);
      Queued[F] = true;
    }
    while (!Work.empty()) {
      uint32_t F = Work.back();
      Work.pop_back();
      Queued[F] = false;
      if (!absorb(F))
        continue;
      if (Entries > Budget)
        return false;
      for (uint32_t Caller : CallersInScc[F])
        if (!Queued[Caller]) {
          Queued[Caller] = true;
          Work.push_back(Caller);
        }
    }
  }
  for (uint32_t F = 0; F < N; ++F) {
    std::sort(Reads[F].begin(), Reads[F].end());
    std::sort(Writes[F].begin(), Writes[F].end());
  }
  for (uint32_t F = 0; F < N; ++F) {
    Function &Fn = G.Functions[F];
    Fn.MayExit = MayExit[F];
    Fn.ReadsBegin = uint32_t(G.Sets.size());
    G.Sets.insert(G.Sets.end(), Reads[F].begin(), Reads[F].end());
    Fn.ReadsEnd = uint32_t(G.Sets.size());
    Fn.WritesBegin = uint32_t(G.Sets.size());
    G.Sets.insert(G.Sets.end(), Writes[F].begin(), Writes[F].end());
    Fn.WritesEnd = uint32_t(G.Sets.size());
    Fn.WritesValues = !Writes[F].empty();
  }
  // Each call's map from its callees' parameter memory to its places.
  for (uint32_t E = 0; E < G.Events.size(); ++E) {
    Event &Ev = G.Events[E];
    std::set<std::pair<uint32_t, uint32_t>> Map;
    for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T) {
      uint32_t Callee = G.TargetIds[T];
      for (const std::vector<uint32_t> *S : {&Reads[Callee], &Writes[Callee]})
        for (uint32_t Q : *S)
          if (G.Places[Q].ParamMemory)
            if (uint32_t Mine = translate(E, Q); Mine != NoRef && decisive(Mine))
              Map.insert({Q, Mine});
    }
    Ev.MapBegin = uint32_t(G.Maps.size());
    for (auto [Q, Mine] : Map)
      G.Maps.push_back({Q, Mine});
    Ev.MapEnd = uint32_t(G.Maps.size());
  }
  WritesOf = std::move(Writes);
  return true;
}

void FlowGraph::Builder::markUntrusted() {
  size_t N = P.ById.size();
  std::set<std::string> Hooks, Escaped;
  for (const TUFacts &U : P.Units) {
    for (const HookBinding &B : U.Hooks)
      Hooks.insert(B.FunctionUsr);
    Escaped.insert(U.EscapedGlobals.begin(), U.EscapedGlobals.end());
  }
  // Code called from outside (signal handlers, threads, callbacks of
  // libraries, entry points nothing here calls) may write a global at
  // any time; framework hooks are not outside: their runs are modelled.
  std::vector<bool> Outside(N, false);
  std::vector<uint32_t> Work;
  for (uint32_t F = 0; F < N; ++F)
    if (P.CalledFromOutside[F] && !Hooks.count(P.ById[F]->Usr)) {
      Outside[F] = true;
      Work.push_back(F);
    }
  while (!Work.empty()) {
    uint32_t F = Work.back();
    Work.pop_back();
    const Function &Fn = G.Functions[F];
    for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
      const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
      for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E)
        for (uint32_t T = G.Events[E].TargetsBegin; T < G.Events[E].TargetsEnd;
             ++T)
          if (!Outside[G.TargetIds[T]]) {
            Outside[G.TargetIds[T]] = true;
            Work.push_back(G.TargetIds[T]);
          }
    }
  }
  std::set<std::string> Roots = Escaped;
  for (uint32_t F = 0; F < N; ++F)
    if (Outside[F])
      for (uint32_t W : WritesOf[F])
        if (G.Places[W].Global)
          Roots.insert(G.Places[W].Ref->Var);
  // '&g' handed to a function without a body: it can write g.
  for (const Event &Ev : G.Events)
    if (Ev.Kind == EventKind::Call && Ev.TargetsBegin == Ev.TargetsEnd)
      for (uint32_t A = Ev.ArgsBegin; A < Ev.ArgsEnd; ++A) {
        const ValueNode *X = G.expr(G.Args[A].Expr);
        if (X->Op == ValueOp::AddrOf && X[1].Op == ValueOp::Place &&
            G.Places[size_t(X[1].Imm)].Global)
          Roots.insert(G.Places[size_t(X[1].Imm)].Ref->Var);
      }
  for (Place &Pl : G.Places)
    if (Pl.Global && Roots.count(Pl.Ref->Var))
      Pl.Untrusted = true;
  // Stores to them are never believed: dropped.
  for (Event &Ev : G.Events)
    for (uint32_t *W : {&Ev.Dst, &Ev.Result})
      if (*W != NoRef && G.Places[*W].Untrusted)
        *W = NoRef;
}

} // namespace forksafe
