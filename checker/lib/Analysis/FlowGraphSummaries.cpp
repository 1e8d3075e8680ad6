// SPDX-License-Identifier: Apache-2.0
// What each function, with its callees, reads and writes of the followed
// values, and how a call maps its callees' parameter memory to its own
// places.
//
// Globals: one read set and one write set per strongly connected component
// of the call graph, shared by its functions (every member reaches every
// other, so they read and write the same globals), each stored as a bitset
// or as sorted numbers, whichever is smaller. exim's call graph has one
// component of 5,800 functions (log_write() -> die() -> smtp_closedown()
// -> the ACLs -> lookups -> log_write()); per-function lists of the
// globals it reads took hundreds of megabytes, so large programs used to
// stop following globals altogether.
//
// Parameter memory ('p->pid', '*out'): per function, as the caller's place
// differs at each call; built semi-naively, callees first.
#include "FlowGraphBuilder.h"

#include "ValueEval.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace forksafe {

namespace {
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
        Low[Frames.back().first] =
            std::min(Low[Frames.back().first], Low[Done]);
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
} // namespace

/// The bits the global sets may take (FORKSAFE_VALUE_BUDGET overrides it):
/// an experiment's budget (docs/engine.md, "Debugging the engine");
/// anything but a positive count keeps the default, and says so.
static size_t globalSetBudget(size_t Default) {
  const char *E = std::getenv("FORKSAFE_VALUE_BUDGET");
  if (!E)
    return Default;
  char *End = nullptr;
  unsigned long long V = std::strtoull(E, &End, 10);
  if (*E >= '0' && *E <= '9' && End && *End == '\0' && V > 0)
    return size_t(V);
  std::fprintf(stderr,
               "forksafe: warning: FORKSAFE_VALUE_BUDGET='%s' is not a "
               "positive number of entries; using %zu\n",
               E, Default);
  return Default;
}

template <class UseFn>
void FlowGraph::Builder::forEachDirectUse(uint32_t F, UseFn OnUse) const {
  const Function &Fn = G.Functions[F];
  auto read = [&](uint32_t Expr) {
    if (Expr == NoExpr)
      return;
    for (const ValueNode *X = G.expr(Expr), *End = skipExpr(X); X != End; ++X)
      if (X->Op == ValueOp::Place)
        OnUse(uint32_t(X->Imm), false);
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
        if (W != NoRef)
          OnUse(W, true);
    }
  }
}

void FlowGraph::Builder::summariseValues() {
  size_t N = P.ById.size();
  std::vector<std::vector<CallEdge>> Calls(N);
  for (uint32_t F = 0; F < N; ++F)
    forEachCallTarget(F, [&](uint32_t E, uint32_t Callee) {
      if (Callee != F)
        Calls[F].push_back({E, Callee});
    });
  std::vector<std::vector<uint32_t>> Sccs = callGraphSccs(Calls);
  summariseMemory(Calls, Sccs);
  if (!summariseGlobals(Calls, Sccs, globalSetBudget(MaxGlobalSetBits))) {
    if (std::getenv("FORKSAFE_TRACE"))
      std::fprintf(stderr,
                   "trace: value sets over budget: globals untrusted\n");
    // Over budget (hundreds of thousands of components, each reading
    // thousands of deciding globals): globals are no longer followed
    // across calls. They become untrusted, like those written from
    // outside: their tests go both ways, and a finding that rests on one
    // counts it as an assumption. Fork results, constants, returned
    // values and parameter memory are still followed.
    for (Place &Pl : G.Places)
      if (Pl.Global)
        Pl.Untrusted = true;
    summariseGlobals(Calls, Sccs, SIZE_MAX);
  }
  for (Function &Fn : G.Functions) {
    const GlobalSet &GW = G.GlobalSets[Fn.GlobalWrites];
    Fn.WritesValues =
        Fn.MemWritesBegin != Fn.MemWritesEnd || GW.Begin != GW.End;
  }
}

bool FlowGraph::Builder::summariseGlobals(
    const std::vector<std::vector<CallEdge>> &Calls,
    const std::vector<std::vector<uint32_t>> &Sccs, size_t Budget) {
  PlaceOfBit.clear();
  for (uint32_t Pl = 0; Pl < G.Places.size(); ++Pl) {
    Place &Q = G.Places[Pl];
    Q.GlobalBit = NoRef;
    if (Q.Global && !Q.Untrusted && decisive(Pl)) {
      Q.GlobalBit = uint32_t(PlaceOfBit.size());
      PlaceOfBit.push_back(Pl);
    }
  }
  size_t Words = (PlaceOfBit.size() + 63) / 64, Bits = 0;
  G.GlobalSets.clear();
  G.GlobalSetWords.clear();
  G.GlobalSetPlaces.clear();
  std::vector<uint32_t> SccOf(G.Functions.size());
  for (uint32_t I = 0; I < Sccs.size(); ++I)
    for (uint32_t F : Sccs[I])
      SccOf[F] = I;
  std::vector<uint32_t> ReadSet(Sccs.size()), WriteSet(Sccs.size()),
      MergedInto(Sccs.size(), NoRef);
  std::vector<uint64_t> Reads(Words), Writes(Words);
  auto orInto = [&](std::vector<uint64_t> &To, uint32_t Set) {
    const GlobalSet &S = G.GlobalSets[Set];
    if (S.Dense)
      for (uint32_t W = S.Begin; W < S.End; ++W)
        To[W - S.Begin] |= G.GlobalSetWords[W];
    else
      for (uint32_t I = S.Begin; I < S.End; ++I) {
        uint32_t Bit = G.Places[G.GlobalSetPlaces[I]].GlobalBit;
        To[Bit / 64] |= uint64_t(1) << (Bit % 64);
      }
  };
  // Stores a set in the smaller of its two forms; its size in bits.
  auto store = [&](const std::vector<uint64_t> &From) {
    size_t Count = 0, Used = 0;
    for (size_t W = 0; W < Words; ++W)
      if (From[W]) {
        Count += size_t(__builtin_popcountll(From[W]));
        Used = W + 1;
      }
    GlobalSet S;
    S.Dense = Used * 64 < Count * 32;
    if (S.Dense) {
      S.Begin = uint32_t(G.GlobalSetWords.size());
      G.GlobalSetWords.insert(G.GlobalSetWords.end(), From.begin(),
                              From.begin() + Used);
      S.End = uint32_t(G.GlobalSetWords.size());
    } else {
      S.Begin = uint32_t(G.GlobalSetPlaces.size());
      for (size_t W = 0; W < Used; ++W)
        for (uint64_t M = From[W]; M; M &= M - 1)
          G.GlobalSetPlaces.push_back(
              PlaceOfBit[W * 64 + size_t(__builtin_ctzll(M))]);
      S.End = uint32_t(G.GlobalSetPlaces.size());
    }
    G.GlobalSets.push_back(S);
    return S.Dense ? Used * 64 : Count * 32;
  };
  for (uint32_t I = 0; I < Sccs.size(); ++I) {
    std::fill(Reads.begin(), Reads.end(), 0);
    std::fill(Writes.begin(), Writes.end(), 0);
    for (uint32_t F : Sccs[I]) {
      forEachDirectUse(F, [&](uint32_t Pl, bool Write) {
        uint32_t Bit = G.Places[Pl].GlobalBit;
        if (Bit != NoRef)
          (Write ? Writes : Reads)[Bit / 64] |= uint64_t(1) << (Bit % 64);
      });
      for (const CallEdge &C : Calls[F]) {
        uint32_t Callee = SccOf[C.Callee];
        if (Callee == I || MergedInto[Callee] == I)
          continue;
        orInto(Reads, ReadSet[Callee]);
        orInto(Writes, WriteSet[Callee]);
        MergedInto[Callee] = I;
      }
      // 'f(&g)': what f reads or writes through its parameter is g.
      for (const CallEdge &C : Calls[F]) {
        const Function &Callee = G.Functions[C.Callee];
        for (auto [Begin, End, Write] :
             {std::tuple{Callee.MemReadsBegin, Callee.MemReadsEnd, false},
              std::tuple{Callee.MemWritesBegin, Callee.MemWritesEnd, true}})
          for (uint32_t Q = Begin; Q < End; ++Q) {
            uint32_t Mine = translate(C.Event, G.Sets[Q]);
            uint32_t Bit = Mine == NoRef ? NoRef : G.Places[Mine].GlobalBit;
            if (Bit != NoRef)
              (Write ? Writes : Reads)[Bit / 64] |= uint64_t(1) << (Bit % 64);
          }
      }
    }
    ReadSet[I] = uint32_t(G.GlobalSets.size());
    Bits += store(Reads);
    WriteSet[I] = uint32_t(G.GlobalSets.size());
    Bits += store(Writes);
    if (Bits > Budget)
      return false;
    for (uint32_t F : Sccs[I]) {
      G.Functions[F].GlobalReads = ReadSet[I];
      G.Functions[F].GlobalWrites = WriteSet[I];
    }
  }
  return true;
}

void FlowGraph::Builder::summariseMemory(
    const std::vector<std::vector<CallEdge>> &CallList,
    const std::vector<std::vector<uint32_t>> &Sccs) {
  size_t N = P.ById.size();
  auto visible = [&](uint32_t Pl) {
    return decisive(Pl) && !G.Places[Pl].Untrusted && G.Places[Pl].ParamMemory;
  };
  // Semi-naive, callees first: each function's lists grow in the order
  // entries arrive, and each call remembers how much of its callee's lists
  // it has taken, so an entry crosses a call once. Within a component the
  // functions that gained something queue their callers again.
  struct Call {
    uint32_t Event, Callee;
    uint32_t ReadsTaken = 0, WritesTaken = 0;
  };
  std::vector<std::vector<uint32_t>> Reads(N), Writes(N);
  // Membership while one function's lists grow: place -> function + 1.
  std::vector<uint32_t> InReads(G.Places.size(), 0),
      InWrites(G.Places.size(), 0);
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
    MayExit[F] = G.Functions[F].MayExit;
    forEachDirectUse(F, [&](uint32_t Pl, bool Write) {
      if (visible(Pl))
        Write ? add(Writes[F], InWrites, F, Pl) : add(Reads[F], InReads, F, Pl);
    });
    for (const CallEdge &C : CallList[F])
      Calls[F].push_back({C.Event, C.Callee});
  }
  // Through callees, as the call maps them to the caller's places. Whether
  // F gained anything.
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
          uint32_t Mine = translate(C.Event, From[*Taken]);
          if (Mine != NoRef && visible(Mine) && add((*Sets)[F], *In, F, Mine))
            Gained = true;
        }
      }
    }
    return Gained;
  };
  std::vector<uint32_t> SccOf(N);
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
    Function &Fn = G.Functions[F];
    Fn.MayExit = MayExit[F];
    Fn.MemReadsBegin = uint32_t(G.Sets.size());
    G.Sets.insert(G.Sets.end(), Reads[F].begin(), Reads[F].end());
    Fn.MemReadsEnd = uint32_t(G.Sets.size());
    Fn.MemWritesBegin = uint32_t(G.Sets.size());
    G.Sets.insert(G.Sets.end(), Writes[F].begin(), Writes[F].end());
    Fn.MemWritesEnd = uint32_t(G.Sets.size());
  }
  // Each call's map from its callees' parameter memory to its places.
  for (uint32_t E = 0; E < G.Events.size(); ++E) {
    Event &Ev = G.Events[E];
    std::set<std::pair<uint32_t, uint32_t>> Map;
    for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T) {
      uint32_t Callee = G.TargetIds[T];
      for (const std::vector<uint32_t> *S : {&Reads[Callee], &Writes[Callee]})
        for (uint32_t Q : *S)
          if (uint32_t Mine = translate(E, Q); Mine != NoRef && decisive(Mine))
            Map.insert({Q, Mine});
    }
    Ev.MapBegin = uint32_t(G.Maps.size());
    for (auto [Q, Mine] : Map)
      G.Maps.push_back({Q, Mine});
    Ev.MapEnd = uint32_t(G.Maps.size());
  }
}

} // namespace forksafe
