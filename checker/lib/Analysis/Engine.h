// SPDX-License-Identifier: Apache-2.0
/// The flow analysis of one handle over the linked program.
///
/// A program point holds a few disjuncts (the states of the processes that
/// can be there, Pulse-style): each knows what may hold of the handle (live
/// in this process, inherited from a parent), the values of the places that
/// decide branches (fork results, constants from callers, returned values,
/// flags), whether a fork on the way made it a child, and how many branches
/// it took on values nothing decided. A fork splits a disjunct into the
/// child (result 0, handle inherited), the parent (a positive pid) and the
/// failure (-1), so 'if (pid == 0)' after any wrapper that returns the pid
/// sends them apart. Functions are summarised per (handle facts on entry,
/// parameters carrying the handle, values on entry), with one exit case per
/// distinct outcome (returned value, values, child or not); witnesses are
/// kept relative to the function and resolved where a summary is applied.
#pragma once

#include "AbstractValue.h"
#include "FlowGraph.h"
#include "Registries.h"
#include "Relevance.h"
#include "ValueEval.h"
#include "Witness.h"
#include "WorkerCallbacks.h"

#include "forksafe/Rules.h"

#include "llvm/ADT/SmallVector.h"

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace forksafe {

/// The handle being analysed: a variable and a member path.
struct Target {
  std::string Var, Path;
  const HandleVar *Info = nullptr;
  Semantics Sem = Semantics::SharedSocket;
};

struct Disjunct {
  HState H;
  Env V;
  bool Child = false;   // a fork on the way made this process a child
  uint16_t Assumed = 0; // branches taken on values nothing decided
};
using State = llvm::SmallVector<Disjunct, 1>;

/// Adds N to the disjuncts at a program point: joined with an equal one,
/// dropped if one covers it, else kept apart up to a bound, beyond which it
/// merges into the closest one (widening if Widen). Whether Dst changed.
bool joinInto(State &Dst, Disjunct &&N, bool Widen);

/// One way out of a function.
struct ExitCase {
  Disjunct D;
  AbsVal Ret;
};

struct Summary {
  llvm::SmallVector<ExitCase, 2> Exits; // empty: never returns
  std::vector<Pending> Findings;
};

/// Adds X to S's exit cases: joined with one of the same values and returned
/// value, else kept apart up to a bound per kind (child or not, handle
/// facts), beyond which it merges into the closest one.
void joinExit(Summary &S, ExitCase &&X);

class HandleAnalysis {
public:
  HandleAnalysis(const Program &P, const FlowGraph &G, const Relevance &Rel,
                 const Target &H);

  /// Runs F from the program's point of view in state In; findings
  /// resolved at this level go to Results. Via: how a framework reaches F
  /// (a hook's note), in front of the path to a use. AbortsIf: the return
  /// values that stop the program (a pre-fork hook); those paths end.
  State runEntry(const Function &F, const State &In, const Env &Params = {},
                 const Note *Via = nullptr, const std::string &AbortsIf = {});
  /// Whether running F from In can find anything: the handle is live or
  /// inherited there, or F can create it.
  bool mayFind(const Function &F, const State &In) const;
  /// A child that returns from main runs the static destructors too.
  void returnFromMain(const Function &Main, const State &AtReturn);
  /// A framework's process model: the master runs the pre-fork hooks (and
  /// post-fork hooks it also calls with master arguments), then forks; each
  /// worker runs the post-fork hooks, then serves requests.
  void runFramework(const std::string &Fw, const std::string &Display,
                    const std::vector<const HookBinding *> &Bindings,
                    const State &Start);
  /// The state the program starts in: globals' initial values.
  State startState() const;
  /// Every framework's hooks, as runFramework gets them: a process that a
  /// registration forks (HookBinding::ForksHere) runs the post-fork hooks
  /// before its function.
  using HooksByFramework =
      std::map<std::string, std::vector<const HookBinding *>>;
  void setFrameworkHooks(const HooksByFramework *Hooks);
  /// Callbacks kept by name: a dispatch runs those filed under its key.
  void setRegistries(const CallbackRegistries *R) { Registries = R; }
  /// Callbacks only worker processes register.
  void setWorkerCallbacks(const WorkerCallbacks *W) { Workers = W; }

  std::vector<Pending> Results;

private:
  const HooksByFramework *FrameworkHooks = nullptr;
  const CallbackRegistries *Registries = nullptr;
  const WorkerCallbacks *Workers = nullptr;
  // By function id: a post-fork hook the framework passes a rank.
  std::vector<bool> RankedHook;
  /// The parameter whose constant value keeps F's contexts apart: a
  /// post-fork hook's rank, a registry dispatcher's key; -1: none.
  int keptParam(uint32_t Fn) const;
  using Bindings = std::map<int, std::string>; // param -> remaining path
  class Oracle;
  struct Via;

  const Summary &analyze(const Function &F, int Flags, const Bindings &B,
                         const Env &In);
  void transfer(const Event &E, const FlowGraph::Event &GE, const Bindings &B,
                State &S, std::vector<Pending> &Found);
  /// Drops from Run the targets that registration rules out (a registry's
  /// other keys, callbacks only workers register); returns whether running
  /// none of them is one more way.
  bool narrowByRegistration(const Event &E, const Disjunct &D,
                            llvm::SmallVectorImpl<const Function *> &Run) const;
  void applyCall(const Event &E, const FlowGraph::Event &GE, const Bindings &B,
                 State &S, std::vector<Pending> &Found);
  void applyFork(const Event &E, const FlowGraph::Event &GE, const Bindings &B,
                 State &S, std::vector<Pending> &Found);
  /// The registration that forks at E (a Clone fork event at a
  /// HookBinding::ForksHere binding's location), if any.
  const HookBinding *forkedHere(const Event &E) const;
  /// In a process such a registration forked: its framework's post-fork
  /// hooks, with the rank the registration gives that process.
  State runPostForkHooks(const HookBinding &Reg, State S,
                         std::vector<Pending> &Found);
  /// A post-fork hook's input: its first argument, the rank.
  Env rankInput(int64_t Rank) const;
  /// Runs the pthread_atfork handlers of one kind on a disjunct, as calls.
  void runAtFork(const std::vector<const Function *> &Handlers,
                 const Event &At, const char *Kind, Disjunct D, State &Out,
                 std::vector<Pending> &Found);
  /// Applies F's summary (run from disjunct D) as a call at Call.
  void applySummary(const Function &F, const FlowGraph::Event *Call,
                    const Disjunct &D, const Bindings &CalleeB, const Via &V,
                    const Env &In, State &Out, std::vector<Pending> &Found,
                    const std::string *AbortsIf = nullptr);
  /// What a callee that cannot matter to the handle leaves: the caller's
  /// values minus what it may write.
  void havocWrites(const Function &F, const FlowGraph::Event *Call,
                   Disjunct &D) const;
  Env calleeInput(const Function &F, const FlowGraph::Event *Call,
                  const Disjunct &D, const Bindings &B) const;
  /// A switch's default side as disjuncts below and above its cases.
  llvm::SmallVector<Disjunct, 2> splitDefault(const FlowGraph::Block &GB,
                                              const Bindings &B,
                                              const FlowGraph::Edge &Ed,
                                              Disjunct &&D) const;
  void branch(const FlowGraph::Block &GB, const Disjunct &D,
              const Bindings &B, const FlowGraph::Edge &Ed, Disjunct &Out,
              bool &Feasible) const;
  bool skippable(const FlowGraph::Event &E, const Bindings &B,
                 const State &S) const;
  bool relevantId(uint32_t Id, int Flags) const;
  /// Whether the call's result decides a branch and the callee returns a
  /// value: followed, not skipped, whatever the handle's state.
  bool decidesResult(const FlowGraph::Event &Call, uint32_t Callee) const {
    return Call.Result != FlowGraph::NoRef && G.function(Callee).ReturnsValue;
  }
  bool relevant(const Function &F, const Bindings &B, int Flags) const;
  bool refersTo(uint32_t Place, const Bindings &B) const;
  bool refersTo(const HandleRef &Ref, const Bindings &B) const;
  /// 'sess = db_open()': some target is a factory whose result, stored
  /// where the call's result goes, makes this handle.
  bool resultMakesHandle(const Event &E, const FlowGraph::Event &GE,
                         const Bindings &B) const;
  std::optional<HandleRef> concrete(const HandleRef &R) const;
  Bindings bindArgs(const Event &Call, const Bindings &B) const;
  void runStaticDestructors(const HState &St, const Note *At,
                            std::vector<Pending> &Found);
  void traceBlock(const Function &F, unsigned BId, const State &S) const;
  void addFinding(std::vector<Pending> &Out, Pending Pd) const;

  // Witnesses.
  const Note *note(Note::Kind K, const Location &L, std::string Msg);
  std::string name() const { return "'" + H.Info->Name + "'"; }
  Chain prefixed(const Via &V, Chain Rest);
  HState resolveState(const HState &Exit, const HState &Caller, const Via &V);
  InhW resolveInh(const InhW &W, const HState &Caller, const Via &V);
  Pending resolveFinding(const Pending &Pd, const Disjunct &Caller,
                         const Via &Call, const Via &ChildCall);
  HState inherit(const HState &From, const Event &E, const std::string &Msg);

  const Program &P;
  const FlowGraph &G;
  const Relevance &Rel;
  const Target &H;
  enum : uint8_t { NoMatch, Match, ParamMatch };
  std::vector<uint8_t> RefMatch; // by place id
  /// Pointer members that may point into the handle's variable: the
  /// member's name and the handle's path below what it points to
  /// ('state' -> ".conn" for 'app.state = &g_state', handle g_state.conn).
  struct MemberRoute {
    std::string Class, Member, Rest;
  };
  std::vector<MemberRoute> MemberRoutes;
  /// Pointer variables that may point into it: USR -> the pointee's path.
  std::map<std::string, std::vector<std::string>> VarRoutes;
  bool viaPointerVar(const HandleRef &R) const;
  /// Summaries by function id: a function has a few at most.
  struct MemoEntry {
    int Flags;
    Bindings B;
    Env In;
    const Summary *Done; // null: being computed (recursion)
    bool Reduced = false; // inputs reduced to what the first ones agree on
    uint64_t Callbacks = 0; // callbackKey(In): 0 when no function values
  };
  std::vector<std::vector<MemoEntry>> Memo;
  std::deque<Summary> Summaries; // stable: callers hold references
  std::unordered_map<size_t, llvm::SmallVector<const Summary *, 1>> Interned;
  Summary Identity[4];           // what recursion is assumed to do
  Relevance::ForHandle Fns;
  bool DtorsTouch = false;
  bool Trace = false;
  const char *TraceBlocks = nullptr;
  void trace(const Function &F, int Flags, const Env &In,
             const Summary &Out) const;
  Arena Mem;
};

/// Places as the analysis of this handle sees them: the handle itself is
/// known non-null while it is live, and found null on a branch it is not
/// live there; unfollowed globals are unknown.
class HandleAnalysis::Oracle : public PlaceOracle {
public:
  Oracle(const HandleAnalysis &A, const Bindings &B, HState &H)
      : A(A), B(B), H(H) {}
  AbsVal read(uint32_t Place, const Env &E) const override {
    const FlowGraph::Place &Pl = A.G.place(Place);
    if (Pl.Untrusted)
      return AbsVal::top();
    if (A.refersTo(Place, B))
      return H.L || H.I ? AbsVal::nonNull() : AbsVal::top();
    return E.get(Place);
  }
  bool assume(uint32_t Place, const AbsVal &V, Env &E) override {
    if (A.refersTo(Place, B)) {
      if (V.Lo == 0 && V.Hi == 0) {
        if (H.L || H.I)
          return false; // a live handle is not null
        H = HState();
      }
      return true;
    }
    const FlowGraph::Place &Pl = A.G.place(Place);
    if (Pl.Untrusted)
      return !read(Place, E).meet(V).empty();
    return PlaceOracle::assume(Place, V, E);
  }
  const std::vector<AbsVal> *column(int64_t Id) const override {
    return A.G.column(Id);
  }

private:
  const HandleAnalysis &A;
  const Bindings &B;
  HState &H;
};

/// The link a witness gets where it passes through a call: a given note,
/// or the call site's (written only if the witness becomes a finding).
struct HandleAnalysis::Via {
  Via(const Note *N = nullptr) : N(N) {}
  Via(const Event &E, bool InChild, bool Typed)
      : E(&E), InChild(InChild), Typed(Typed) {}
  explicit operator bool() const { return N || E; }
  const Note *N = nullptr;
  const Event *E = nullptr;
  bool InChild = false, Typed = false;
};

} // namespace forksafe
