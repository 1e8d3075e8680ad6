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
    forEachCallTarget(F, [&](uint32_t, uint32_t Callee) {
      if (!Outside[Callee]) {
        Outside[Callee] = true;
        Work.push_back(Callee);
      }
    });
  }
  std::set<std::string> Roots = Escaped;
  std::vector<char> SetDone(G.GlobalSets.size(), 0);
  for (uint32_t F = 0; F < N; ++F)
    if (Outside[F] && !SetDone[G.Functions[F].GlobalWrites]) {
      SetDone[G.Functions[F].GlobalWrites] = 1; // shared by a component
      for (uint32_t W : PlaceOfBit)
        if (G.writesGlobal(G.Functions[F], W))
          Roots.insert(G.Places[W].Ref->Var);
    }
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
