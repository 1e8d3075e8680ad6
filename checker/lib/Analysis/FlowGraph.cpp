// SPDX-License-Identifier: Apache-2.0
#include "FlowGraph.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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

class FlowGraph::Builder {
public:
  Builder(FlowGraph &G, const Program &P) : G(G), P(P) {}

  void run() {
    encodeFunctions();
    mapReturnedMembers();
    summariseValues();
    markUntrusted();
    killDeadStores();
    G.InitialGlobals = initialGlobals();
  }

private:
  // --- Places ---------------------------------------------------------
  uint32_t intern(const HandleRef &R) {
    Key.assign(1, char('0' + R.Kind));
    Key += std::to_string(R.ParamIndex);
    Key += '\0';
    Key += R.Var;
    Key += '\0';
    Key += R.Path;
    auto [It, New] = Ids.try_emplace(Key, uint32_t(G.Places.size()));
    if (New) {
      Place Pl;
      Pl.Ref = &R;
      Pl.Global = R.Kind == HandleRef::Global;
      Pl.ParamMemory = R.Kind == HandleRef::Param && !R.Path.empty();
      Pl.Untrusted = false;
      G.Places.push_back(Pl);
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
  uint32_t compile(const forksafe::Function &F, const std::vector<uint32_t> &Local,
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
      G.Nodes.push_back(N);
    }
    return Id;
  }

  void encodeFunctions() {
    G.Functions.reserve(P.ById.size());
    DirectReads.resize(P.ById.size());
    DirectWrites.resize(P.ById.size());
    for (const forksafe::Function *F : P.ById) {
      uint32_t FId = P.idOf(*F);
      std::vector<uint32_t> Local;
      Local.reserve(F->Places.size());
      for (const HandleRef &R : F->Places)
        Local.push_back(intern(R));
      auto local = [&](int I) {
        return I >= 0 && size_t(I) < Local.size() ? Local[size_t(I)] : NoRef;
      };
      Function Fn{uint32_t(G.Blocks.size()), uint32_t(F->Blocks.size()),
                  0, 0, 0, 0, false, false, 0, 0, 0};
      size_t FirstNode = G.Nodes.size();
      for (const forksafe::Block &B : F->Blocks) {
        Block Out;
        Out.EventsBegin = uint32_t(G.Events.size());
        for (const forksafe::Event &E : B.Events) {
          Event Ev{E.Kind, false, false, NoRef, 0, 0, NoRef, NoRef, NoExpr,
                   0, 0, 0, 0, 0, 0, NoExpr, nullptr, &E};
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
          for (uint32_t W : {Ev.Result, Ev.Dst})
            if (W != NoRef && (G.Places[W].Global || G.Places[W].ParamMemory))
              DirectWrites[FId].insert(W);
          G.Events.push_back(Ev);
        }
        Out.EventsEnd = uint32_t(G.Events.size());
        Out.EdgesBegin = uint32_t(G.Edges.size());
        for (const forksafe::Edge &Ed : B.Succs)
          G.Edges.push_back({Ed.To, Ed.When, &Ed});
        Out.EdgesEnd = uint32_t(G.Edges.size());
        Out.Cond = compile(*F, Local, B.Cond);
        Out.Return = compile(*F, Local, B.Return);
        if (Out.Return != NoExpr && G.Nodes[Out.Return].Op == ValueOp::Place)
          ReturnedPlaces[FId].insert(uint32_t(G.Nodes[Out.Return].Imm));
        G.Blocks.push_back(Out);
      }
      for (size_t N = FirstNode; N < G.Nodes.size(); ++N)
        if (G.Nodes[N].Op == ValueOp::Place) {
          uint32_t Pl = uint32_t(G.Nodes[N].Imm);
          ReadAnywhere.insert(Pl);
          const HandleRef &R = *G.Places[Pl].Ref;
          if (G.Places[Pl].Global || G.Places[Pl].ParamMemory)
            DirectReads[FId].insert(Pl);
          else if (R.Kind == HandleRef::Param && R.ParamIndex >= 0 &&
                   R.ParamIndex < 32)
            Fn.ParamsRead |= uint32_t(1) << R.ParamIndex;
        }
      G.Functions.push_back(Fn);
    }
  }

  // --- What functions read and write, through their callees ------------
  /// The caller's place for a callee's parameter memory at a call, or NoRef.
  uint32_t translate(const Event &Call, uint32_t CalleePlace) {
    const Place &Q = G.Places[CalleePlace];
    if (!Q.ParamMemory)
      return NoRef;
    uint64_t CacheKey = (uint64_t(&Call - G.Events.data()) << 32) | CalleePlace;
    auto Hit = Translated.find(CacheKey);
    if (Hit != Translated.end())
      return Hit->second;
    uint32_t Out = NoRef;
    for (const ArgValue *A = G.Args.data() + Call.ArgsBegin,
                        *End = G.Args.data() + Call.ArgsEnd;
         A != End; ++A) {
      if (A->Param != Q.Ref->ParamIndex || A->Expr == NoExpr)
        continue;
      const ValueNode *N = G.expr(A->Expr);
      std::string Path = Q.Ref->Path;
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
      if (R.Kind == HandleRef::Result ||
          pathParts(R.Path) > MaxTranslatedParts)
        break;
      auto It = Ids.find(keyOf(R));
      Out = It != Ids.end() ? It->second : intern(G.OwnedRefs.emplace_back(R));
      break;
    }
    Translated.emplace(CacheKey, Out);
    return Out;
  }

  std::string keyOf(const HandleRef &R) {
    std::string K(1, char('0' + R.Kind));
    K += std::to_string(R.ParamIndex);
    K += '\0';
    K += R.Var;
    K += '\0';
    K += R.Path;
    return K;
  }

  void summariseValues() {
    size_t N = P.ById.size();
    std::vector<std::vector<uint32_t>> Callers(N);
    for (uint32_t F = 0; F < N; ++F)
      for (uint32_t B = 0; B < G.Functions[F].NumBlocks; ++B) {
        const Block &Bl = G.Blocks[G.Functions[F].BlocksBegin + B];
        for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E)
          for (uint32_t T = G.Events[E].TargetsBegin;
               T < G.Events[E].TargetsEnd; ++T)
            Callers[G.TargetIds[T]].push_back(F);
      }
    std::vector<std::set<uint32_t>> Reads = DirectReads, Writes = DirectWrites;
    std::vector<bool> MayExit(N);
    for (uint32_t F = 0; F < N; ++F)
      MayExit[F] = G.Functions[F].MayExit;
    std::vector<uint32_t> Work;
    std::vector<bool> Queued(N, true);
    for (uint32_t F = 0; F < N; ++F)
      Work.push_back(uint32_t(N - 1 - F));
    while (!Work.empty()) {
      uint32_t F = Work.back();
      Work.pop_back();
      Queued[F] = false;
      bool Changed = false;
      const Function &Fn = G.Functions[F];
      for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
        const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
        for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E) {
          const Event &Ev = G.Events[E];
          for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T) {
            uint32_t Callee = G.TargetIds[T];
            if (MayExit[Callee] && !MayExit[F])
              MayExit[F] = Changed = true;
            for (auto [From, To] : {std::pair{&Reads, &Reads},
                                    std::pair{&Writes, &Writes}}) {
              std::vector<uint32_t> Add;
              for (uint32_t Q : (*From)[Callee]) {
                uint32_t Mine = G.Places[Q].Global ? Q : translate(Ev, Q);
                if (Mine != NoRef && (G.Places[Mine].Global ||
                                      G.Places[Mine].ParamMemory))
                  Add.push_back(Mine);
              }
              for (uint32_t A : Add)
                Changed |= (*To)[F].insert(A).second;
            }
          }
        }
      }
      if (Changed)
        for (uint32_t C : Callers[F])
          if (!Queued[C]) {
            Queued[C] = true;
            Work.push_back(C);
          }
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
    for (uint32_t F = 0; F < N; ++F) {
      const Function &Fn = G.Functions[F];
      for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
        const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
        for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E) {
          Event &Ev = G.Events[E];
          std::set<std::pair<uint32_t, uint32_t>> Map;
          for (uint32_t T = Ev.TargetsBegin; T < Ev.TargetsEnd; ++T) {
            uint32_t Callee = G.TargetIds[T];
            for (const std::set<uint32_t> *S : {&Reads[Callee], &Writes[Callee]})
              for (uint32_t Q : *S)
                if (G.Places[Q].ParamMemory)
                  if (uint32_t Mine = translate(Ev, Q); Mine != NoRef) {
                    Map.insert({Q, Mine});
                    ReadAnywhere.insert(Mine);
                  }
          }
          Ev.MapBegin = uint32_t(G.Maps.size());
          for (auto [Q, Mine] : Map)
            G.Maps.push_back({Q, Mine});
          Ev.MapEnd = uint32_t(G.Maps.size());
        }
      }
    }
    WritesOf = std::move(Writes);
  }

  // --- Globals whose values cannot be followed -------------------------
  void markUntrusted() {
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
          for (uint32_t T = G.Events[E].TargetsBegin;
               T < G.Events[E].TargetsEnd; ++T)
            if (!Outside[G.TargetIds[T]]) {
              Outside[G.TargetIds[T]] = true;
              Work.push_back(G.TargetIds[T]);
            }
      }
    }
    std::set<std::string> Roots = Escaped;
    // '&g' handed to a function without a body: it can write g.
    for (const Event &Ev : G.Events)
      if (Ev.Kind == EventKind::Call && Ev.TargetsBegin == Ev.TargetsEnd)
        for (uint32_t A = Ev.ArgsBegin; A < Ev.ArgsEnd; ++A) {
          const ValueNode *N = G.expr(G.Args[A].Expr);
          if (N->Op == ValueOp::AddrOf && N[1].Op == ValueOp::Place &&
              G.Places[size_t(N[1].Imm)].Global)
            Roots.insert(G.Places[size_t(N[1].Imm)].Ref->Var);
        }
    for (uint32_t F = 0; F < N; ++F)
      if (Outside[F])
        for (uint32_t W : WritesOf[F])
          if (G.Places[W].Global)
            Roots.insert(G.Places[W].Ref->Var);
    for (Place &Pl : G.Places)
      if (Pl.Global && Roots.count(Pl.Ref->Var))
        Pl.Untrusted = true;
  }

  /// Stores nothing reads are dropped; stores to unfollowed globals too.
  void killDeadStores() {
    for (Event &Ev : G.Events) {
      for (uint32_t *W : {&Ev.Dst, &Ev.Result}) {
        if (*W == NoRef)
          continue;
        const Place &Pl = G.Places[*W];
        if (Pl.Untrusted || (!Pl.ParamMemory && !ReadAnywhere.count(*W) &&
                             !hasReadMember(*W)))
          *W = NoRef;
      }
    }
  }

  /// Whether a member of a stored struct is read ('s = f(); if (s.pid)'),
  /// or the struct a stored member belongs to ('s.pid = fork(); return s').
  bool hasReadMember(uint32_t Place) {
    if (ReadPrefixes.empty())
      for (uint32_t Read : ReadAnywhere) {
        HandleRef Q = *G.Places[Read].Ref;
        ReadWhole.insert(keyOf(Q));
        while (!Q.Path.empty()) {
          size_t Cut = Q.Path.find_last_of(".*[");
          Q.Path.erase(Cut == std::string::npos ? 0 : Cut);
          ReadPrefixes.insert(keyOf(Q));
        }
      }
    HandleRef R = *G.Places[Place].Ref;
    if (ReadPrefixes.count(keyOf(R)))
      return true;
    while (!R.Path.empty()) {
      size_t Cut = R.Path.find_last_of(".*[");
      R.Path.erase(Cut == std::string::npos ? 0 : Cut);
      if (ReadWhole.count(keyOf(R)))
        return true;
    }
    return false;
  }

  Env initialGlobals() {
    Env E;
    for (uint32_t Id = 0; Id < G.Places.size(); ++Id) {
      const Place &Pl = G.Places[Id];
      if (!Pl.Global || Pl.Untrusted || !ReadAnywhere.count(Id))
        continue;
      auto It = P.GlobalInits.find(Pl.Ref->Var + Pl.Ref->Path);
      if (It != P.GlobalInits.end())
        E.set(Id, AbsVal::constant(It->second));
    }
    return E;
  }

  /// A struct returned by value ('return pi;') carries its members' values
  /// to the place the caller stores the result into ('pi = start()').
  void mapReturnedMembers() {
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

  FlowGraph &G;
  const Program &P;
  std::vector<std::set<uint32_t>> ReturnedPlaces =
      std::vector<std::set<uint32_t>>(P.ById.size());
  std::unordered_map<std::string, uint32_t> Ids;
  std::string Key;
  std::vector<std::set<uint32_t>> DirectReads, DirectWrites, WritesOf;
  std::unordered_set<uint32_t> ReadAnywhere;
  std::unordered_set<std::string> ReadPrefixes, ReadWhole;
  std::unordered_map<uint64_t, uint32_t> Translated;
};

FlowGraph::FlowGraph(const Program &P) { Builder(*this, P).run(); }

} // namespace forksafe
