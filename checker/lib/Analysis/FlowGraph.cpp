// SPDX-License-Identifier: Apache-2.0
// Encoding a linked program into a FlowGraph: places interned program-wide,
// value expressions compiled once, events, edges and blocks in dense arrays.
#include "FlowGraphBuilder.h"

#include "ConfigDomains.h"

#include <algorithm>

namespace forksafe {

namespace {
unsigned pathParts(const std::string &Path) {
  unsigned N = 0;
  for (char C : Path)
    N += C == '.' || C == '*' || C == '[';
  return N;
}
constexpr unsigned MaxTranslatedParts = 6;
} // namespace

FlowGraph::FlowGraph(const Program &P, const std::vector<int8_t> *KeptParams) {
  Builder(*this, P, KeptParams).run();
}

FlowGraph::Builder::Builder(FlowGraph &G, const Program &P,
                            const std::vector<int8_t> *KeptParams)
    : G(G), P(P), KeptParams(KeptParams), ReturnedPlaces(P.ById.size()),
      ReturnExprs(P.ById.size()) {}

void FlowGraph::Builder::run() {
  // A kept parameter's value is a place even where no expression of the
  // function names it ('strcmp(h->event, event)' only).
  if (KeptParams)
    for (int8_t K : *KeptParams)
      if (K >= 0 && (size_t(K) >= G.ParamPlaces.size() ||
                     G.ParamPlaces[size_t(K)] == NoRef)) {
        HandleRef R;
        R.Kind = HandleRef::Param;
        R.ParamIndex = K;
        intern(G.KeptParamRefs.emplace_back(std::move(R)));
      }
  encodeFunctions();
  mapReturnedMembers();
  markDecisive();
  dropIndecisive();
  summariseValues();
  markNeverReturns();
  markUntrusted();
  G.InitialGlobals = initialGlobals();
}

void FlowGraph::Builder::markNeverReturns() {
  // Least fixpoint: a function never returns once every path from its
  // entry ends in an exit or in a call that never returns.
  std::vector<char> Reached;
  std::vector<uint32_t> Work;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (uint32_t F = 0; F < G.Functions.size(); ++F) {
      Function &Fn = G.Functions[F];
      const forksafe::Function &Facts = *P.ById[F];
      if (Fn.NeverReturns || !Fn.MayExit || Facts.Blocks.empty())
        continue;
      Reached.assign(Fn.NumBlocks, 0);
      Work.assign(1, Facts.Entry);
      Reached[Facts.Entry] = 1;
      bool Returns = false;
      while (!Work.empty() && !Returns) {
        uint32_t B = Work.back();
        Work.pop_back();
        if (B == Facts.ExitBlock) {
          Returns = true;
          break;
        }
        const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
        bool Ends = false;
        for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd && !Ends; ++E) {
          const Event &Ev = G.Events[E];
          if (Ev.Kind == EventKind::Exit)
            Ends = true;
          else if (Ev.Kind == EventKind::Call) {
            bool None = Ev.TargetsBegin == Ev.TargetsEnd;
            if (Ev.Facts->NoReturn) {
              Ends = true;
            } else if (!None) {
              Ends = true;
              for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T)
                Ends = Ends && G.Functions[G.TargetIds[T]].NeverReturns;
            }
          }
        }
        if (Ends)
          continue;
        for (uint32_t Ed = Bl.EdgesBegin; Ed < Bl.EdgesEnd; ++Ed)
          if (uint32_t To = G.Edges[Ed].To; To < Fn.NumBlocks && !Reached[To]) {
            Reached[To] = 1;
            Work.push_back(To);
          }
      }
      if (!Returns) {
        Fn.NeverReturns = true;
        Changed = true;
      }
    }
  }
}

std::string FlowGraph::Builder::keyOf(const HandleRef &R) {
  std::string K = rootKeyOf(R);
  K += '\0';
  K += R.Path;
  return K;
}

std::string FlowGraph::Builder::rootKeyOf(const HandleRef &R) {
  std::string K(1, char('0' + R.Kind));
  K += std::to_string(R.ParamIndex);
  K += '\0';
  K += R.Var;
  return K;
}

uint32_t FlowGraph::Builder::intern(const HandleRef &R) {
  Key = keyOf(R);
  auto [It, New] = Ids.try_emplace(Key, uint32_t(G.Places.size()));
  if (New) {
    Place Pl;
    Pl.Ref = &R;
    Pl.Global = R.Kind == HandleRef::Global;
    Pl.ParamMemory = R.Kind == HandleRef::Param && !R.Path.empty();
    Pl.Untrusted = false;
    Pl.GlobalBit = NoRef;
    G.Places.push_back(Pl);
    PlacesByRoot[rootKeyOf(R)].push_back(It->second);
    if (R.Kind == HandleRef::Param && R.Path.empty() && R.ParamIndex >= 0) {
      if (G.ParamPlaces.size() <= size_t(R.ParamIndex))
        G.ParamPlaces.resize(size_t(R.ParamIndex) + 1, NoRef);
      G.ParamPlaces[size_t(R.ParamIndex)] = It->second;
    }
  }
  return It->second;
}

/// Compiles one of F's expressions ("": none; malformed: unknown, which
/// the facts readers already refused).
uint32_t FlowGraph::Builder::compile(const forksafe::Function &F,
                                     const std::vector<uint32_t> &Local,
                                     const std::string &Text) {
  if (Text.empty())
    return NoExpr;
  std::optional<ValueExpr> E =
      parseValueExpr(Text, F.Places.size(), F.FnRefs.size());
  uint32_t Id = uint32_t(G.Nodes.size());
  if (!E) {
    G.Nodes.push_back({ValueOp::Unknown, 0});
    return Id;
  }
  for (ValueNode N : E->Nodes) {
    if (N.Op == ValueOp::Place)
      N.Imm = Local[size_t(N.Imm)];
    if (N.Op == ValueOp::FnAddr) { // the function's link id, or -1
      auto It = P.Functions.find(F.FnRefs[size_t(N.Imm)]);
      N.Imm = It == P.Functions.end() ? -1 : int64_t(P.idOf(*It->second));
    }
    G.Nodes.push_back(N);
  }
  for (size_t I = Id; I + 1 < G.Nodes.size(); ++I)
    if (G.Nodes[I].Op == ValueOp::Elem)
      G.Nodes[I].Imm = G.Nodes[I + 1].Op == ValueOp::Place
                           ? columnOf(uint32_t(G.Nodes[I + 1].Imm))
                           : -1;
  return Id;
}

int64_t FlowGraph::Builder::columnOf(uint32_t PlaceId) {
  const HandleRef *R = G.Places[PlaceId].Ref;
  if (!R || R->Kind != HandleRef::Global || R->Path.rfind("[].", 0) != 0)
    return -1;
  std::string Key = R->Var + R->Path.substr(2);
  auto Init = P.ElementInits.find(Key);
  if (Init == P.ElementInits.end())
    return -1;
  auto [It, New] = ColumnIds.try_emplace(Key, int64_t(G.Columns.size()));
  if (New) {
    std::vector<AbsVal> &Col = G.Columns.emplace_back();
    for (const std::optional<int64_t> &V : Init->second)
      Col.push_back(!V                         ? AbsVal::top()
                    : *V == NonNullElementInit ? AbsVal::nonNull()
                                               : AbsVal::constant(*V));
  }
  return It->second;
}

void FlowGraph::Builder::encodeFunctions() {
  G.Functions.reserve(P.ById.size());
  for (const forksafe::Function *F : P.ById) {
    uint32_t FId = P.idOf(*F);
    std::vector<uint32_t> Local;
    Local.reserve(F->Places.size());
    for (const HandleRef &R : F->Places) {
      Local.push_back(intern(R));
      if (G.Places[Local.back()].ParamMemory)
        addParamMemoryUser(Local.back(), FId);
    }
    auto local = [&](int I) {
      return I >= 0 && size_t(I) < Local.size() ? Local[size_t(I)] : NoRef;
    };
    Function Fn{}; // the rest: below, and summariseValues()
    Fn.BlocksBegin = uint32_t(G.Blocks.size());
    Fn.NumBlocks = uint32_t(F->Blocks.size());
    for (const forksafe::Block &B : F->Blocks) {
      Block Out;
      Out.EventsBegin = uint32_t(G.Events.size());
      for (const forksafe::Event &E : B.Events) {
        Event Ev{E.Kind, false, false, NoRef, 0, 0, NoRef, NoRef, NoExpr,
                 0, 0, 0, 0, 0, 0, NoExpr, NoExpr, nullptr, &E};
        switch (E.Kind) {
        case EventKind::Call: {
          TargetList Targets = P.targets(E);
          Ev.Skippable = Targets.empty() && !E.NoReturn;
          Ev.PassesHandles = !E.Args.empty();
          if (E.AssignTo)
            Ev.Ref = intern(*E.AssignTo);
          Ev.TargetsBegin = uint32_t(G.TargetIds.size());
          for (const forksafe::Function *T : Targets)
            G.TargetIds.push_back(P.idOf(*T));
          Ev.TargetsEnd = uint32_t(G.TargetIds.size());
          Ev.Result = local(E.Result);
          Ev.ArgsBegin = uint32_t(G.Args.size());
          for (const auto &[I, Text] : E.ArgValues)
            G.Args.push_back({I, compile(*F, Local, Text)});
          Ev.ArgsEnd = uint32_t(G.Args.size());
          Fn.MayExit |= E.NoReturn && Targets.empty();
          Ev.CalleeValue = compile(*F, Local, E.CalleeValue);
          if (!E.IndirectTable.empty())
            if (auto T = P.Tables.find(E.IndirectTable); T != P.Tables.end()) {
              Ev.Table = &T->second;
              Ev.TableIndex = compile(*F, Local, E.IndirectIndex);
            }
          break;
        }
        case EventKind::Fork:
          Ev.Result = local(E.Result);
          break;
        case EventKind::Exit:
          Fn.MayExit = true;
          break;
        case EventKind::Assign:
          Ev.Dst = local(E.Dst);
          Ev.Value = compile(*F, Local, E.Value);
          break;
        case EventKind::AtFork:
          break;
        default:
          Ev.Ref = intern(E.Ref);
          break;
        }
        G.Events.push_back(Ev);
        EventFn.push_back(FId);
      }
      Out.EventsEnd = uint32_t(G.Events.size());
      Out.EdgesBegin = uint32_t(G.Edges.size());
      for (const forksafe::Edge &Ed : B.Succs)
        G.Edges.push_back({Ed.To, Ed.When, &Ed});
      Out.EdgesEnd = uint32_t(G.Edges.size());
      Out.Cond = compile(*F, Local, B.Cond);
      Out.Return = compile(*F, Local, B.Return);
      if (Out.Return != NoExpr) {
        ReturnExprs[FId].push_back(Out.Return);
        if (G.Nodes[Out.Return].Op == ValueOp::Place)
          ReturnedPlaces[FId].insert(uint32_t(G.Nodes[Out.Return].Imm));
      }
      G.Blocks.push_back(Out);
    }
    G.Functions.push_back(Fn);
  }
}

/// A struct returned by value ('return pi;') carries its members' values
/// to the place the caller stores the result into ('pi = start()').
void FlowGraph::Builder::mapReturnedMembers() {
  size_t N = P.ById.size();
  std::vector<std::vector<std::pair<uint32_t, std::string>>> Members(N);
  for (uint32_t F = 0; F < N; ++F) {
    std::set<uint32_t> Keep;
    for (uint32_t Root : ReturnedPlaces[F]) {
      const HandleRef &R = *G.Places[Root].Ref;
      if (R.Kind != HandleRef::Local)
        continue;
      for (const HandleRef &M : P.ById[F]->Places)
        if (M.Kind == R.Kind && M.Var == R.Var &&
            M.Path.size() > R.Path.size() &&
            M.Path.compare(0, R.Path.size(), R.Path) == 0) {
          uint32_t Id = Ids.at(keyOf(M));
          Keep.insert(Id);
          Members[F].push_back({Id, M.Path.substr(R.Path.size())});
        }
    }
    G.Functions[F].KeepBegin = uint32_t(G.Sets.size());
    G.Sets.insert(G.Sets.end(), Keep.begin(), Keep.end());
    G.Functions[F].KeepEnd = uint32_t(G.Sets.size());
  }
  for (Event &Ev : G.Events) {
    Ev.ResultMapBegin = Ev.ResultMapEnd = uint32_t(G.Maps.size());
    if (Ev.Kind != EventKind::Call || Ev.Result == NoRef)
      continue;
    std::set<std::pair<uint32_t, uint32_t>> Map;
    for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T)
      for (const auto &[Member, Suffix] : Members[G.TargetIds[T]]) {
        HandleRef R = *G.Places[Ev.Result].Ref;
        R.Path += Suffix;
        auto It = Ids.find(keyOf(R));
        if (It != Ids.end())
          Map.insert({Member, It->second});
      }
    for (auto [Callee, Caller] : Map)
      G.Maps.push_back({Callee, Caller});
    Ev.ResultMapEnd = uint32_t(G.Maps.size());
  }
}

uint32_t FlowGraph::Builder::translate(uint32_t CallEvent,
                                       uint32_t CalleePlace) {
  if (!G.Places[CalleePlace].ParamMemory)
    return NoRef;
  // (intern() may grow G.Places: keep the stable reference, not the place.)
  const HandleRef &Q = *G.Places[CalleePlace].Ref;
  uint64_t CacheKey = (uint64_t(CallEvent) << 32) | CalleePlace;
  auto Hit = Translated.find(CacheKey);
  if (Hit != Translated.end())
    return Hit->second;
  const Event &Call = G.Events[CallEvent];
  uint32_t Out = NoRef;
  for (const ArgValue *A = G.Args.data() + Call.ArgsBegin,
                      *End = G.Args.data() + Call.ArgsEnd;
       A != End; ++A) {
    if (A->Param != Q.ParamIndex || A->Expr == NoExpr)
      continue;
    const ValueNode *N = G.expr(A->Expr);
    std::string Path = Q.Path;
    uint32_t Base = NoRef;
    if (N->Op == ValueOp::AddrOf && N[1].Op == ValueOp::Place) {
      Base = uint32_t(N[1].Imm); // '&x': the callee's '*p' is x
      if (!Path.empty() && Path[0] == '*')
        Path.erase(0, 1);
    } else if (N->Op == ValueOp::Place) {
      Base = uint32_t(N->Imm); // a pointer: the callee's 'p->f' is its
    }
    if (Base == NoRef)
      break;
    HandleRef R = *G.Places[Base].Ref;
    R.Path += Path;
    if (R.Kind == HandleRef::Result || pathParts(R.Path) > MaxTranslatedParts)
      break;
    // Only places some function names: one nobody names decides nothing
    // (and making them let chains of calls grow paths without end).
    auto It = Ids.find(keyOf(R));
    Out = It != Ids.end() ? It->second : NoRef;
    break;
  }
  Translated.emplace(CacheKey, Out);
  return Out;
}

Env FlowGraph::Builder::initialGlobals() const {
  Env E;
  std::vector<uint32_t> Configured;
  std::map<uint32_t, int64_t> ConfiguredInit;
  for (uint32_t Id = 0; Id < G.Places.size(); ++Id) {
    const Place &Pl = G.Places[Id];
    if (!Pl.Global || Pl.Untrusted || !decisive(Id))
      continue;
    auto It = P.GlobalInits.find(Pl.Ref->Var + Pl.Ref->Path);
    if (It != P.GlobalInits.end())
      E.set(Id, AbsVal::constant(It->second));
    if (Pl.Ref->Path.empty() && P.ConfiguredGlobals.count(Pl.Ref->Var)) {
      Configured.push_back(Id);
      if (auto I = P.ConfiguredInits.find(Pl.Ref->Var);
          I != P.ConfiguredInits.end())
        ConfiguredInit.emplace(Id, I->second);
    }
  }
  for (const auto &[Id, Range] : configDomains(G, Configured, ConfiguredInit))
    E.set(Id, Range);
  return E;
}

} // namespace forksafe
