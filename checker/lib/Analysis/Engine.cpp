// SPDX-License-Identifier: Apache-2.0
// The intraprocedural half of the engine (Engine.h): one function's blocks
// to a fixpoint over disjunctive states, branches decided or narrowed by
// values, summaries memoised per input context. Joins are in Joins.cpp, the
// transfer of events in Transfer.cpp, calls in Calls.cpp, forks in
// Forks.cpp, entry points in EntryPoints.cpp, the trace in EngineTrace.cpp.
#include "Engine.h"

#include "ValueEval.h"

#include <algorithm>
#include <cstdlib>

namespace forksafe {

namespace {
/// Visits of a block after which joins widen (loops that count end).
constexpr uint16_t WidenAfter = 3;
/// Input contexts per function and handle facts analysed apart.
constexpr size_t MaxContexts = 4;
/// Contexts reduced to the values the first ones agree on, beyond those.
constexpr size_t MaxReducedContexts = 2;
/// The functions callers pass (callbacks) count apart: each distinct set
/// of function values gets the contexts above, up to this many sets.
constexpr size_t MaxCallbackSets = 32;

// Summaries without findings are interned by content: most functions of a
// large program do the same thing to a handle in most contexts (nothing),
// and one copy serves them all.
bool sameWitness(const HState &A, const HState &B) {
  if (A.L.has_value() != B.L.has_value() || A.I.has_value() != B.I.has_value())
    return false;
  if (A.L && (A.L->FromInput != B.L->FromInput || A.L->Created != B.L->Created))
    return false;
  if (!A.I)
    return true;
  const InhW &X = *A.I, &Y = *B.I;
  return X.FromInput == Y.FromInput && X.CreatedFromInput == Y.CreatedFromInput &&
         X.Created == Y.Created && X.Fork == Y.Fork && X.ForkApi == Y.ForkApi &&
         X.Hooks == Y.Hooks && X.Framework == Y.Framework;
}

bool sameSummary(const Summary &A, const Summary &B) {
  if (!A.Findings.empty() || !B.Findings.empty() ||
      A.Exits.size() != B.Exits.size())
    return false;
  for (size_t I = 0; I < A.Exits.size(); ++I) {
    const ExitCase &X = A.Exits[I], &Y = B.Exits[I];
    if (X.D.Child != Y.D.Child || X.D.Assumed != Y.D.Assumed ||
        !(X.Ret == Y.Ret) || X.D.V != Y.D.V || !sameWitness(X.D.H, Y.D.H))
      return false;
  }
  return true;
}

size_t hashSummary(const Summary &S) {
  size_t H = S.Exits.size();
  auto mix = [&](uint64_t V) { H = (H ^ V) * 0x100000001b3ULL; };
  for (const ExitCase &X : S.Exits) {
    mix(uint64_t(X.D.H.flags()) | uint64_t(X.D.Child) << 2 |
        uint64_t(X.D.Assumed) << 3);
    mix(uint64_t(X.Ret.Lo));
    mix(uint64_t(X.Ret.Hi));
    for (const Env::Entry &E : X.D.V) {
      mix(E.first);
      mix(uint64_t(E.second.Lo));
      mix(uint64_t(E.second.Hi));
    }
    if (X.D.H.L)
      mix(reinterpret_cast<uintptr_t>(X.D.H.L->Created));
    if (X.D.H.I)
      mix(reinterpret_cast<uintptr_t>(X.D.H.I->Created));
  }
  return H;
}
} // namespace

HandleAnalysis::HandleAnalysis(const Program &P, const FlowGraph &G,
                               const Relevance &Rel, const Target &H)
    : P(P), G(G), Rel(Rel), H(H), Memo(P.ById.size()),
      Fns(Rel.forHandle(H.Var)) {
  const char *T = std::getenv("FORKSAFE_TRACE");
  Trace = T && H.Info && H.Info->Name == T;
  if (Trace)
    TraceBlocks = std::getenv("FORKSAFE_TRACE_BLOCKS");
  auto below = [&](const std::string &Prefix, std::string &Rest) {
    if (H.Path.compare(0, Prefix.size(), Prefix) != 0)
      return false;
    Rest = H.Path.substr(Prefix.size());
    return Rest.empty() || Rest[0] == '.' || Rest[0] == '[';
  };
  std::string Rest;
  for (const auto &[Field, Pointees] : P.MemberPointees)
    for (const Program::Pointee &Pt : Pointees)
      if (Pt.Var == H.Var && below(Pt.Path, Rest))
        MemberRoutes.push_back({Program::classOf(Field),
                                Field.substr(Field.rfind("@FI@") + 4), Rest});
  for (const auto &[Var, Pointees] : P.VarPointees)
    for (const Program::Pointee &Pt : Pointees)
      if (Pt.Var == H.Var && below(Pt.Path, Rest))
        VarRoutes[Var].push_back(Pt.Path);
  // Which places name this handle: decided once per place.
  RefMatch.reserve(G.numPlaces());
  for (uint32_t Id = 0; Id < G.numPlaces(); ++Id) {
    std::optional<HandleRef> C = concrete(*G.place(Id).Ref);
    RefMatch.push_back(!C                                      ? NoMatch
                       : C->Kind == HandleRef::Param           ? ParamMatch
                       : C->Var == H.Var && C->Path == H.Path ? Match
                       : viaPointerVar(*C)                     ? Match
                                                               : NoMatch);
  }
  for (const Function *D : P.StaticDtors)
    DtorsTouch = DtorsTouch || Fns.Touches[P.idOf(*D)];
  for (int Flags = 0; Flags < 4; ++Flags) {
    ExitCase X;
    if (Flags & 1)
      X.D.H.L = LiveW{true, nullptr};
    if (Flags & 2)
      X.D.H.I = InhW{true, false, nullptr, nullptr, {}, nullptr, {}};
    Identity[Flags].Exits.push_back(X);
  }
}

// --- Which references name the handle ------------------------------------

std::optional<HandleRef> HandleAnalysis::concrete(const HandleRef &R) const {
  if (R.Kind != HandleRef::Result)
    return R;
  auto It = P.Functions.find(R.Var);
  if (It == P.Functions.end() || !It->second->ReturnsRef)
    return std::nullopt;
  HandleRef Out = *It->second->ReturnsRef;
  Out.Path += R.Path;
  return Out;
}

/// 'cur->conn' with 'cur = &g_state': the handle g_state.conn.
bool HandleAnalysis::viaPointerVar(const HandleRef &R) const {
  auto It = VarRoutes.find(R.Var);
  if (It == VarRoutes.end())
    return false;
  for (const std::string &Path : It->second)
    if (Path + R.Path == H.Path)
      return true;
  return false;
}

bool HandleAnalysis::refersTo(const HandleRef &Ref, const Bindings &B) const {
  std::optional<HandleRef> C = concrete(Ref);
  if (!C)
    return false;
  if (C->Kind == HandleRef::Param) {
    auto It = B.find(C->ParamIndex);
    return It != B.end() && It->second == C->Path;
  }
  return (C->Var == H.Var && C->Path == H.Path) || viaPointerVar(*C);
}

bool HandleAnalysis::resultMakesHandle(const Event &E,
                                       const FlowGraph::Event &GE,
                                       const Bindings &B) const {
  if (GE.Ref == FlowGraph::NoRef)
    return false;
  for (const Function *T : P.targets(E))
    if (const std::string *Path = Rel.madeInResult(*T)) {
      if (Path->empty() ? refersTo(GE.Ref, B) : [&] {
            HandleRef R = *G.place(GE.Ref).Ref;
            R.Path += *Path;
            return refersTo(R, B);
          }())
        return true;
    }
  return false;
}

bool HandleAnalysis::refersTo(uint32_t Place, const Bindings &B) const {
  uint8_t M = RefMatch[Place];
  return M == Match ||
         (M == ParamMatch && !B.empty() && refersTo(*G.place(Place).Ref, B));
}

bool HandleAnalysis::relevantId(uint32_t Id, int Flags) const {
  const FlowGraph::Function &F = G.function(Id);
  // A function that may not return ends the path; skipped as if it
  // returned, a child would walk on into its parent's code.
  // A callee that forks decides which process goes on (and with what
  // result), whatever the handle's state.
  if (Fns.Creates[Id] || F.WritesValues || F.MayExit || Rel.forks(Id))
    return true;
  if ((Flags & 1) && Fns.Ends[Id])
    return true;
  return (Flags & 2) && (Fns.Touches[Id] || (DtorsTouch && Rel.exits(Id)));
}

bool HandleAnalysis::mayFind(const Function &F, const State &In) const {
  return Fns.Creates[P.idOf(F)] ||
         std::any_of(In.begin(), In.end(),
                     [](const Disjunct &D) { return D.H.flags() != 0; });
}

bool HandleAnalysis::relevant(const Function &F, const Bindings &B,
                              int Flags) const {
  return (!B.empty() && Rel.usesParams(F)) || relevantId(P.idOf(F), Flags);
}

bool HandleAnalysis::skippable(const FlowGraph::Event &E, const Bindings &B,
                               const State &S) const {
  if (E.Skippable)
    return true;
  if (E.PassesHandles || (E.Ref != FlowGraph::NoRef && refersTo(E.Ref, B)) ||
      resultMakesHandle(*E.Facts, E, B))
    return false;
  int Flags = 0;
  for (const Disjunct &D : S)
    Flags |= D.H.flags();
  for (const uint32_t *T = G.targetsBegin(E), *End = G.targetsEnd(E);
       T != End; ++T)
    if (relevantId(*T, Flags) || decidesResult(E, *T))
      return false;
  return true;
}

// --- One function ------------------------------------------------------------

namespace {
/// Which functions an input passes, as one number (0: none).
uint64_t callbackKey(const Env &In) {
  uint64_t H = 0;
  for (const Env::Entry &E : In)
    if (std::optional<uint32_t> Fn = E.second.functionId())
      H = (H ^ (uint64_t(E.first) << 32 | *Fn)) * 0x100000001b3ULL | 1;
  return H;
}
} // namespace

const Summary &HandleAnalysis::analyze(const Function &F, int Flags,
                                       const Bindings &B, const Env &InArg) {
  std::vector<MemoEntry> &Entries = Memo[P.idOf(F)];
  // A few input contexts per function are analysed as they are. Beyond
  // that, an input keeps only the values that every one of those contexts
  // had too ('execute(EXEC_OR_EXIT, argc, ...)' from everywhere keeps
  // EXEC_OR_EXIT, loses argc), and such reduced contexts are bounded too,
  // after which inputs are unknown (k-limited contexts: a recursion that
  // counts down, or many callers' constants, stay bounded).
  //
  // The functions a caller passes are the exception: 'clear(v, free_fn)'
  // called with many different callbacks calls one of them each time, and
  // forgetting which would make it call every function ever passed. So
  // contexts are counted per set of function values (callbackKey), which
  // reductions keep, up to MaxCallbackSets sets.
  Env In = InArg;
  uint64_t Key = callbackKey(In);
  // A framework's rank argument selects which of a post-fork hook's paths
  // run (Kamailio's child_init(PROC_INIT), (PROC_MAIN), (PROC_TIMER)): kept
  // apart like callbacks, or the master's PROC_MAIN run would be reduced
  // to "any rank" once the timer processes add theirs. So is a registry
  // dispatcher's key: which callbacks run depends on it.
  std::optional<int64_t> Rank;
  int Kept = keptParam(P.idOf(F));
  uint32_t RankPlace = G.paramPlace(Kept);
  if (Kept >= 0 && RankPlace != FlowGraph::NoRef)
    if (const AbsVal *V = In.find(RankPlace))
      if (V->isConst() && !V->functionId())
        Rank = V->Lo;
  if (Rank)
    Key = (Key ^ (uint64_t(*Rank) * 0x9e3779b97f4a7c15ULL)) | 1;
  auto sameFlags = [&](const MemoEntry &M) {
    return M.Flags == Flags && M.B == B;
  };
  if (Key != 0) {
    llvm::SmallVector<uint64_t, 8> Keys;
    bool Known = false;
    for (const MemoEntry &M : Entries)
      if (sameFlags(M) && M.Callbacks != 0) {
        Known = Known || M.Callbacks == Key;
        if (std::find(Keys.begin(), Keys.end(), M.Callbacks) == Keys.end())
          Keys.push_back(M.Callbacks);
      }
    if (!Known && Keys.size() >= MaxCallbackSets) {
      In.filter([&](uint32_t Pl) {
        return !InArg.find(Pl)->functionId() && !(Rank && Pl == RankPlace);
      });
      Key = 0;
    }
  }
  auto same = [&](const MemoEntry &M) {
    return sameFlags(M) && M.Callbacks == Key;
  };
  size_t Exact = 0, Reduced = 0;
  for (const MemoEntry &M : Entries)
    if (same(M))
      ++(M.Reduced ? Reduced : Exact);
  const Env Given = In;
  bool IsReduced = false;
  if (Exact >= MaxContexts && !Given.empty()) {
    IsReduced = true;
    In.filter([&](uint32_t Pl) {
      const AbsVal *Mine = Given.find(Pl);
      if (Key != 0 && (Mine->functionId() || (Rank && Pl == RankPlace)))
        return true;
      for (const MemoEntry &M : Entries)
        if (same(M) && !M.Reduced) {
          const AbsVal *Theirs = M.In.find(Pl);
          if (!Theirs || !(*Theirs == *Mine))
            return false;
        }
      return true;
    });
    bool Known = false;
    for (const MemoEntry &M : Entries)
      Known = Known || (same(M) && M.Reduced && M.In == In);
    if (!Known && Reduced >= MaxReducedContexts)
      In.filter([&](uint32_t Pl) {
        return Key != 0 &&
               (Given.find(Pl)->functionId() || (Rank && Pl == RankPlace));
      });
  }
  for (const MemoEntry &M : Entries)
    if (same(M) && M.In == In)
      // Unfinished: recursion; assume the call changes nothing.
      return M.Done ? *M.Done : Identity[Flags];
  size_t Slot = Entries.size();
  Entries.push_back(MemoEntry{Flags, B, In, nullptr, IsReduced, Key});
  const FlowGraph::Function &GF = G.function(P.idOf(F));

  Disjunct Start;
  Start.H = Identity[Flags].Exits.front().D.H;
  Start.V = In;
  Summary Out;
  if (F.Entry == F.ExitBlock) { // no CFG: returns, having done nothing
    Out.Exits.push_back(ExitCase{std::move(Start), AbsVal::top()});
  } else {
    std::vector<std::optional<State>> InStates(F.Blocks.size());
    std::vector<uint16_t> Visits(F.Blocks.size(), 0);
    std::vector<char> Queued(F.Blocks.size(), 0);
    std::vector<unsigned> Work = {F.Entry};
    InStates[F.Entry] = State{Start};
    Queued[F.Entry] = true;
    for (size_t Head = 0; Head < Work.size(); ++Head) { // FIFO
      unsigned BId = Work[Head];
      Queued[BId] = false;
      ++Visits[BId];
      State S = *InStates[BId];
      const FlowGraph::Block &GB = G.block(GF, BId);
      if (TraceBlocks && F.Name == TraceBlocks)
        traceBlock(F, BId, S);
      for (const FlowGraph::Event *E = G.eventsBegin(GB),
                                  *End = G.eventsEnd(GB);
           E != End && !S.empty(); ++E) {
        // Events on other handles, stores nothing reads, and calls that
        // change nothing for this handle: skipped without their facts.
        if (E->Kind == EventKind::Call && skippable(*E, B, S)) {
          if (E->Result != FlowGraph::NoRef)
            for (Disjunct &D : S)
              D.V.erase(E->Result);
          continue;
        }
        if (E->Kind == EventKind::Assign ? E->Dst == FlowGraph::NoRef
            : E->Kind == EventKind::AtFork ? true
            : E->Kind != EventKind::Call && E->Kind != EventKind::Fork &&
                      E->Kind != EventKind::Exit
                ? !refersTo(E->Ref, B)
                : false)
          continue;
        transfer(*E->Facts, *E, B, S, Out.Findings);
      }
      for (const Disjunct &D : S)
        for (const FlowGraph::Edge *Ed = G.edgesBegin(GB),
                                   *End = G.edgesEnd(GB);
             Ed != End; ++Ed) {
          Disjunct First;
          bool Feasible = true;
          branch(GB, D, B, *Ed, First, Feasible);
          if (!Feasible)
            continue;
          for (Disjunct &N : splitDefault(GB, B, *Ed, std::move(First))) {
          if (Ed->To == F.ExitBlock) {
            AbsVal Ret;
            if (GB.Return != FlowGraph::NoExpr) {
              Oracle O(*this, B, N.H);
              Ret = evaluate(G.expr(GB.Return), N.V, O);
            }
            // The caller sees globals, its memory and a returned struct;
            // the callee's locals would only split the exit cases.
            N.V.filter([&](uint32_t Pl) { return G.keptAtExit(GF, Pl); });
            joinExit(Out, ExitCase{std::move(N), Ret});
            continue;
          }
          unsigned To = Ed->To;
          if (!InStates[To])
            InStates[To].emplace();
          if (joinInto(*InStates[To], std::move(N), Visits[To] >= WidenAfter) &&
              !Queued[To]) {
            Queued[To] = true;
            Work.push_back(To);
          }
          }
        }
    }
  }
  // Entries may have grown meanwhile (other inputs, deeper in the
  // recursion): find the slot again by index.
  if (Trace)
    trace(F, Flags, In, Out);
  const Summary *Done = nullptr;
  size_t Hash = Out.Findings.empty() ? hashSummary(Out) : 0;
  if (Out.Findings.empty())
    for (const Summary *Same : Interned[Hash])
      if (sameSummary(*Same, Out)) {
        Done = Same;
        break;
      }
  if (!Done) {
    Summaries.push_back(std::move(Out));
    Done = &Summaries.back();
    if (Done->Findings.empty())
      Interned[Hash].push_back(Done);
  }
  return *(Memo[P.idOf(F)][Slot].Done = Done);
}

llvm::SmallVector<Disjunct, 2>
HandleAnalysis::splitDefault(const FlowGraph::Block &GB, const Bindings &B,
                             const FlowGraph::Edge &Ed, Disjunct &&D) const {
  llvm::SmallVector<Disjunct, 2> Out;
  // 'switch (db_mode)' with cases 0..2 and no default: its default side is
  // db_mode < 0 or db_mode > 2, which an interval cannot hold; two
  // disjuncts can, so a later switch on the same value agrees with it.
  const ValueNode *C =
      GB.Cond == FlowGraph::NoExpr ? nullptr : G.expr(GB.Cond);
  if (Ed.When != forksafe::Edge::Default || !C || C->Op != ValueOp::Place) {
    Out.push_back(std::move(D));
    return Out;
  }
  int64_t Lo = AbsVal::Max, Hi = AbsVal::Min;
  std::set<int64_t> Cases;
  for (const FlowGraph::Edge *Other = G.edgesBegin(GB), *End = G.edgesEnd(GB);
       Other != End; ++Other)
    if (Other->When == forksafe::Edge::Case)
      for (int64_t V : Other->Facts->Cases) {
        Cases.insert(V);
        Lo = std::min(Lo, V);
        Hi = std::max(Hi, V);
      }
  bool Contiguous = !Cases.empty() && Lo > AbsVal::Min && Hi < AbsVal::Max &&
                    uint64_t(Hi - Lo) + 1 == Cases.size();
  if (!Contiguous) {
    Out.push_back(std::move(D));
    return Out;
  }
  uint32_t Place = uint32_t(C->Imm);
  for (AbsVal Side : {AbsVal::range(AbsVal::Min, Lo - 1),
                      AbsVal::range(Hi + 1, AbsVal::Max)}) {
    Disjunct N = D;
    Oracle O(*this, B, N.H);
    if (O.assume(Place, Side, N.V))
      Out.push_back(std::move(N));
  }
  return Out;
}

void HandleAnalysis::branch(const FlowGraph::Block &GB, const Disjunct &D,
                            const Bindings &B, const FlowGraph::Edge &Ed,
                            Disjunct &Out, bool &Feasible) const {
  Out = D;
  Feasible = true;
  if (Ed.When == forksafe::Edge::Always || GB.Cond == FlowGraph::NoExpr)
    return;
  Oracle O(*this, B, Out.H);
  const ValueNode *C = G.expr(GB.Cond);
  bool Decided = true;
  switch (Ed.When) {
  case forksafe::Edge::True:
  case forksafe::Edge::False: {
    bool Want = Ed.When == forksafe::Edge::True;
    Decided = evaluate(C, Out.V, O).truth() >= 0;
    Feasible = refine(C, Want, Out.V, O);
    break;
  }
  case forksafe::Edge::Case: {
    AbsVal V = evaluate(C, Out.V, O);
    Decided = V.isConst();
    Feasible = !Ed.Facts->Cases.empty() &&
               refineEquals(C, Ed.Facts->Cases.front(), true, Out.V, O);
    break;
  }
  case forksafe::Edge::Default:
    Decided = evaluate(C, Out.V, O).isConst();
    for (const FlowGraph::Edge *Other = G.edgesBegin(GB),
                               *End = G.edgesEnd(GB);
         Other != End && Feasible; ++Other)
      if (Other->When == forksafe::Edge::Case)
        for (int64_t V : Other->Facts->Cases)
          Feasible = Feasible && refineEquals(C, V, false, Out.V, O);
    break;
  default:
    break;
  }
  if (Feasible && !Decided)
    Out.Assumed = addAssumed(Out.Assumed, 1);
}

} // namespace forksafe
