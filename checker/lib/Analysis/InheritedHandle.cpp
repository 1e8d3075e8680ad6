// SPDX-License-Identifier: Apache-2.0
// forksafe-inherited-handle: a handle live at a fork and used in the child.
//
// For each handle, a may-analysis over the linked program. The abstract state
// of a process is which of two facts may hold: L (live, created by this
// process) and I (inherited: the process is a fork child and the handle was
// live at that fork). Within a function, processes are tagged by the fork
// site that created them, so a branch on that fork's result can send the
// child and the parent down different edges. Functions are summarised per
// (input facts, parameter bindings) and the witnesses (note chains) are kept
// relative to the function, with "from input" placeholders resolved when a
// summary is applied at a call site.
#include "forksafe/Analysis.h"
#include "forksafe/Checks.h"

#include "FlowGraph.h"
#include "Relevance.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <pthread.h>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace forksafe {

bool Finding::operator<(const Finding &O) const {
  if (!(Loc == O.Loc))
    return Loc < O.Loc;
  if (Check != O.Check)
    return Check < O.Check;
  return HandleKey < O.HandleKey;
}

namespace {

/// How a link's note is written: most links stand for an event (a call on
/// the way, a use, a create) and their note is only written for the few
/// witnesses that become findings; the rest carry a written note.
enum class Recipe : uint8_t {
  Written,
  Call,       // 'f' called from here
  ChildCall,  // 'f' called from here in the child process
  Made,       // created / connected / reset here, by the event's kind
  OnceMade,   // a static local's initialiser created it
  FirstUse,   // a lazy handle connected by its first use
  MadeByCall, // the result of a factory stored into it
  Used,       // used here in the child process
  Closed,     // closed here in the child process
};

/// A witness: a note chain shared between states and summaries. Prefixing a
/// call is one new link, so explanations cost O(1) per call level instead
/// of a copy of the whole chain (which made deep call graphs quadratic).
struct Link {
  const Note *N;  // Recipe::Written
  const Event *E; // the other recipes
  Recipe R;
  const Link *Next;
  unsigned Size;
  const Location &loc() const { return N ? N->Loc : E->Loc; }
};
using Chain = const Link *; // nullptr: empty

unsigned sizeOf(Chain C) { return C ? C->Size : 0; }

/// The note of one link; Name is the handle as messages quote it.
Note noteOf(const Link &L, const std::string &Name) {
  if (L.N)
    return *L.N;
  const Event &E = *L.E;
  Note N;
  N.Loc = E.Loc;
  switch (L.R) {
  case Recipe::Written:
    break;
  case Recipe::Call:
  case Recipe::ChildCall: {
    bool InChild = L.R == Recipe::ChildCall;
    N.What = InChild ? Note::ChildCall : Note::Call;
    N.Message = "'" + (E.CalleeName.empty() ? "function" : E.CalleeName) +
                "' called from here" + (InChild ? " in the child process" : "");
    break;
  }
  case Recipe::Made:
    N.What = Note::Created;
    N.Message = Name + " " +
                (E.Kind == EventKind::Reset     ? "reset"
                 : E.Kind == EventKind::Connect ? "connected"
                                                : "created") +
                " here by " + E.Api + "()";
    break;
  case Recipe::OnceMade:
    N.What = Note::Created;
    N.Message = Name + " created here by " + E.Api + "()";
    break;
  case Recipe::FirstUse:
    N.What = Note::Created;
    N.Message = Name + " connected here by its first use, " + E.Api + "()";
    break;
  case Recipe::MadeByCall:
    N.What = Note::Created;
    N.Message = Name + " created here by '" + E.CalleeName + "'";
    break;
  case Recipe::Used:
    N.What = Note::Use;
    N.Message = Name + " used here in the child process by " + E.Api + "()";
    break;
  case Recipe::Closed:
    N.What = Note::Close;
    N.Message =
        Name + " closed here in the child process by " + E.Api + "()";
    break;
  }
  return N;
}

/// Notes, links and strings of one handle's analysis; everything a state
/// points to lives here until the handle's findings are built.
class Arena {
public:
  const Note *add(Note N) { return &Notes.emplace_back(std::move(N)); }
  Chain prefixed(const Note *First, Chain Rest) {
    return &Links.emplace_back(
        Link{First, nullptr, Recipe::Written, Rest, sizeOf(Rest) + 1});
  }
  Chain prefixed(Recipe R, const Event &E, Chain Rest) {
    return &Links.emplace_back(Link{nullptr, &E, R, Rest, sizeOf(Rest) + 1});
  }
  Chain single(const Note *N) { return prefixed(N, nullptr); }
  Chain single(Recipe R, const Event &E) { return prefixed(R, E, nullptr); }
  std::string_view intern(std::string S) {
    return Strings.emplace_back(std::move(S));
  }

private:
  std::deque<Note> Notes;
  std::deque<Link> Links;
  std::deque<std::string> Strings;
};

void appendChain(std::vector<Note> &Out, Chain C, const std::string &Name) {
  for (; C; C = C->Next)
    Out.push_back(noteOf(*C, Name));
}

const Link *lastOf(Chain C) {
  if (!C)
    return nullptr;
  while (C->Next)
    C = C->Next;
  return C;
}

struct LiveW {
  bool FromInput = false;
  Chain Created = nullptr;
};

struct InhW {
  bool FromInput = false;
  bool CreatedFromInput = false;
  Chain Created = nullptr;
  Chain Fork = nullptr;
  std::string_view ForkApi;
  Chain Hooks = nullptr;       // framework: the pre-fork hook that created it
  std::string_view Framework; // framework id, for the message and the remedy
};

struct HState {
  std::optional<LiveW> L;
  std::optional<InhW> I;
  int flags() const { return (L ? 1 : 0) | (I ? 2 : 0); }
  /// Adds Other's facts; returns whether anything new was added.
  bool join(const HState &O) {
    bool Changed = false;
    if (O.L && !L) {
      L = O.L;
      Changed = true;
    }
    if (O.I && !I) {
      I = O.I;
      Changed = true;
    }
    return Changed;
  }
};

constexpr int ParentTag = -1;

/// The processes at a program point, by fork tag, sorted by tag; no
/// entries: unreachable. Almost always one or two entries, so a small
/// sorted vector (a std::map here cost a third of the analysis in malloc).
class State {
public:
  using Entry = std::pair<int, HState>;
  State() = default;
  State(std::initializer_list<Entry> Init) : Entries(Init) {}
  Entry *begin() { return Entries.begin(); }
  Entry *end() { return Entries.end(); }
  const Entry *begin() const { return Entries.begin(); }
  const Entry *end() const { return Entries.end(); }
  bool empty() const { return Entries.empty(); }
  void clear() { Entries.clear(); }
  Entry *find(int Tag) {
    Entry *It = lower(Tag);
    return It != end() && It->first == Tag ? It : end();
  }
  HState &operator[](int Tag) {
    Entry *It = lower(Tag);
    if (It == end() || It->first != Tag)
      It = Entries.insert(It, Entry{Tag, HState()});
    return It->second;
  }

private:
  Entry *lower(int Tag) {
    return std::lower_bound(
        begin(), end(), Tag,
        [](const Entry &E, int T) { return E.first < T; });
  }
  llvm::SmallVector<Entry, 2> Entries;
};

struct Pending {
  InhW I;
  Chain Use = nullptr; // ends at the use (or the harmful close)
  bool Close = false; // forksafe-inherited-handle-close
  std::string Harm;
};

struct Summary {
  std::optional<HState> Exit; // nullopt: never returns
  std::vector<Pending> Findings;
  // The exit state split by 'return <constant>;' (ExitOther: every other
  // way out), when the function returns constants: a framework that stops
  // on a hook's error return never forks after those paths.
  std::vector<std::pair<int64_t, HState>> ExitByReturn;
  std::optional<HState> ExitOther;
};

bool aborts(const std::string &AbortsIf, int64_t Returned) {
  return (AbortsIf == "negative" && Returned < 0) ||
         (AbortsIf == "nonzero" && Returned != 0);
}

/// Where a hook returns to a framework that goes on (and forks): the
/// exit state without the paths that return an aborting value.
std::optional<HState> continuingExit(const Summary &S,
                                     const std::string &AbortsIf) {
  if (AbortsIf.empty() || S.ExitByReturn.empty())
    return S.Exit;
  std::optional<HState> Out = S.ExitOther;
  for (const auto &[Value, St] : S.ExitByReturn)
    if (!aborts(AbortsIf, Value)) {
      if (!Out)
        Out = St;
      else
        Out->join(St);
    }
  return Out;
}

/// Prefers the shortest explanation, then the earliest; stable across -j.
bool betterPending(const Pending &A, const Pending &B);

using Bindings = std::map<int, std::string>; // param -> remaining path
using ParamValues = std::map<int, int64_t>;  // param -> known constant

struct Target {
  std::string Var, Path;
  const HandleVar *Info = nullptr;
  Semantics Sem = Semantics::SharedSocket;
};

/// Whether a branch on a parameter takes Ed when the parameter is V: the
/// condition only compares with constants, so V behaves as the nearest
/// sample below it (or the lowest sample, below them all).
bool takesEdge(const Edge &Ed, int64_t V) {
  if (Ed.Takes.empty())
    return Ed.Default;
  bool Takes = Ed.Takes.front().second;
  for (const auto &[Sample, T] : Ed.Takes) {
    if (Sample > V)
      break;
    Takes = T;
  }
  return Takes;
}

bool pathPrefix(const std::string &Prefix, const std::string &Full,
                std::string &Rest) {
  if (Full.compare(0, Prefix.size(), Prefix) != 0)
    return false;
  Rest = Full.substr(Prefix.size());
  return Rest.empty() || Rest[0] == '.' || Rest[0] == '[';
}

class HandleAnalysis {
public:
  HandleAnalysis(const Program &P, const FlowGraph &G, const Relevance &Rel,
                 const Target &H)
      : P(P), G(G), Rel(Rel), H(H), Memo(P.ById.size()),
        Fns(Rel.forHandle(H.Var)) {
    // Which references name this handle: decided once per distinct
    // reference, not at every event the analysis passes.
    RefMatch.reserve(G.refs().size());
    for (const HandleRef *R : G.refs()) {
      std::optional<HandleRef> C = concrete(*R);
      RefMatch.push_back(!C                            ? NoMatch
                         : C->Kind == HandleRef::Param ? ParamMatch
                         : C->Var == H.Var && C->Path == H.Path ? Match
                                                                : NoMatch);
    }
    for (const Function *D : P.StaticDtors)
      DtorsTouch = DtorsTouch || Fns.Touches[P.idOf(*D)];
    for (int Flags = 0; Flags < 4; ++Flags)
      Identity[Flags].Exit = inputState(Flags);
  }

  /// Runs F from the program's point of view with state In; findings
  /// resolved at this level go to Results.
  /// Via: how the framework reaches F in a worker (a hook's note), put in
  /// front of the path to a use.
  /// AbortsIf: the return values that stop the program (a framework's
  /// pre-fork hook); those paths do not go on.
  std::optional<HState> runEntry(const Function &F, const HState &In,
                                 const ParamValues &Values = {},
                                 const Note *Via = nullptr,
                                 const std::string &AbortsIf = {}) {
    if (!relevant(F, {}, In.flags()))
      return In;
    const Summary &S = analyze(F, In.flags(), {}, Values);
    for (const Pending &Pd : S.Findings)
      Results.push_back(resolveFinding(Pd, In, nullptr, Via));
    std::optional<HState> Exit = continuingExit(S, AbortsIf);
    if (!Exit)
      return std::nullopt;
    return resolveState(*Exit, In, nullptr);
  }

  std::vector<Pending> Results;

  /// A framework's process model: the master runs the pre-fork hooks (and
  /// post-fork hooks that it also calls with master arguments, as Kamailio
  /// does with child_init(PROC_INIT)), then forks; each worker runs the
  /// post-fork hooks, then serves requests through the request hooks.
  void runFramework(const std::string &Fw, const std::string &Display,
                    const std::vector<const HookBinding *> &Bindings,
                    HState St) {
    auto functionOf = [&](const HookBinding *B) -> const Function * {
      auto It = P.Functions.find(B->FunctionUsr);
      return It == P.Functions.end() ? nullptr : It->second;
    };
    Chain CreatorHook = nullptr;
    auto run = [&](const HookBinding *B, const HState &In,
                   const ParamValues &V, const Note *HookNote) {
      const Function *F = functionOf(B);
      if (!F || !relevant(*F, {}, In.flags()))
        return In;
      std::optional<HState> Out = runEntry(*F, In, V, HookNote, B->AbortsIf);
      if (!Out)
        return In;
      if (Out->L && !In.L)
        CreatorHook = Mem.single(HookNote);
      return *Out;
    };
    for (const HookBinding *B : Bindings)
      if (B->Role == int(HookRole::PreFork))
        St = run(B, St, {}, note(Note::Hook, B->Loc, B->Note));
    for (const HookBinding *B : Bindings)
      if (B->Role == int(HookRole::PostFork))
        for (int64_t V : B->MasterArgs)
          St = run(B, St, {{0, V}},
                   note(Note::Hook, B->Loc,
                        Display + " also calls '" + B->FunctionName +
                            "' in the master process before it forks (with " +
                            std::to_string(V) + ")"));
    if (!St.L && !St.I)
      return;
    auto childOf = [&](const HookBinding *B) {
      HState C;
      if (St.I) {
        C.I = St.I;
      } else if (St.L) {
        InhW W;
        W.CreatedFromInput = St.L->FromInput;
        W.Created = St.L->Created;
        // The worker hook that reaches the use is the fork's note (Via).
        W.ForkApi = Mem.intern(Display + " forks its worker processes");
        W.Hooks = CreatorHook;
        W.Framework = Fw;
        C.I = W;
      }
      return C;
    };
    std::optional<HState> Child;
    for (const HookBinding *B : Bindings) {
      if (B->Role != int(HookRole::PostFork))
        continue;
      if (!Child)
        Child = childOf(B);
      ParamValues V;
      if (!B->WorkerArgs.empty())
        V[0] = B->WorkerArgs.front();
      Child = run(B, *Child, V, note(Note::Fork, B->Loc, B->Note));
    }
    for (const HookBinding *B : Bindings)
      if (B->Role == int(HookRole::Request))
        run(B, Child ? *Child : childOf(B), {}, note(Note::Fork, B->Loc, B->Note));
  }

private:
  /// An accessor's result stands for the global it returns.
  std::optional<HandleRef> concrete(const HandleRef &R) const {
    if (R.Kind != HandleRef::Result)
      return R;
    auto It = P.Functions.find(R.Var);
    if (It == P.Functions.end() || !It->second->ReturnsRef)
      return std::nullopt;
    HandleRef Out = *It->second->ReturnsRef;
    Out.Path += R.Path;
    return Out;
  }

  bool refersTo(const HandleRef &Ref, const Bindings &B) const {
    std::optional<HandleRef> C = concrete(Ref);
    if (!C)
      return false;
    const HandleRef &R = *C;
    if (R.Kind == HandleRef::Param) {
      auto It = B.find(R.ParamIndex);
      return It != B.end() && It->second == R.Path;
    }
    return R.Var == H.Var && R.Path == H.Path;
  }

  Bindings bindArgs(const Event &Call, const Bindings &B) const {
    Bindings Out;
    for (const auto &[Index, Ref] : Call.Args) {
      std::optional<HandleRef> C = concrete(Ref);
      if (!C)
        continue;
      const HandleRef &R = *C;
      std::string Rest;
      if (R.Kind == HandleRef::Param) {
        auto It = B.find(R.ParamIndex);
        if (It != B.end() && pathPrefix(R.Path, It->second, Rest))
          Out[Index] = Rest;
      } else if (R.Var == H.Var && pathPrefix(R.Path, H.Path, Rest)) {
        Out[Index] = Rest;
      }
    }
    return Out;
  }

  /// Whether F can change the handle's facts or report on it, given the
  /// facts it starts from: while it is not live only creating it matters;
  /// while it is live (L), forking or ending it; once inherited (I), any
  /// use, and exit() if a static destructor touches it.
  bool relevant(const Function &F, const Bindings &B, int Flags) const {
    return (!B.empty() && Rel.usesParams(F)) || relevantId(P.idOf(F), Flags);
  }

  // Notes. Messages name the handle; calls say where they lead.
  const Note *note(Note::Kind K, const Location &L, std::string Msg) {
    Note N;
    N.What = K;
    N.Loc = L;
    N.Message = std::move(Msg);
    return Mem.add(std::move(N));
  }
  std::string name() const { return "'" + H.Info->Name + "'"; }

  /// The link a witness gets where it passes through a call: a given note,
  /// or the call site's (written only if the witness becomes a finding).
  /// Empty at the program entry.
  struct Via {
    Via(const Note *N = nullptr) : N(N) {}
    Via(const Event &E, bool InChild) : E(&E), InChild(InChild) {}
    explicit operator bool() const { return N || E; }
    const Note *N = nullptr;
    const Event *E = nullptr;
    bool InChild = false;
  };
  Chain prefixed(const Via &V, Chain Rest) {
    return V.N ? Mem.prefixed(V.N, Rest)
               : Mem.prefixed(V.InChild ? Recipe::ChildCall : Recipe::Call,
                              *V.E, Rest);
  }

  /// Resolves placeholders in a callee's exit state against the caller's
  /// state at the call.
  HState resolveState(const HState &Exit, const HState &Caller,
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

  InhW resolveInh(const InhW &W, const HState &Caller, const Via &Call) {
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

  Pending resolveFinding(const Pending &Pd, const HState &Caller,
                         const Via &Call, const Via &ChildCall) {
    Pending Out;
    Out.Close = Pd.Close;
    Out.Harm = Pd.Harm;
    if (Pd.I.FromInput) {
      // The fork happened above this call: the call is on the child's path.
      Out.I = Caller.I ? *Caller.I : InhW();
      Out.Use = ChildCall ? prefixed(ChildCall, Pd.Use) : Pd.Use;
    } else {
      Out.I = resolveInh(Pd.I, Caller, Call);
      Out.Use = Pd.Use;
    }
    return Out;
  }

  /// Keeps one pending finding per kind: only the best is ever reported,
  /// and keeping all would make summaries grow with the depth of the call
  /// graph above every use.
  void addFinding(std::vector<Pending> &Out, Pending Pd) const {
    for (Pending &Q : Out)
      if (Q.I.FromInput == Pd.I.FromInput && Q.Close == Pd.Close) {
        if (betterPending(Pd, Q))
          Q = std::move(Pd);
        return;
      }
    Out.push_back(std::move(Pd));
  }

  /// Facts on entry, as "from input" placeholders.
  static HState inputState(int Flags) {
    HState Input;
    if (Flags & 1)
      Input.L = LiveW{true, nullptr};
    if (Flags & 2)
      Input.I = InhW{true, false, nullptr, nullptr, {}, nullptr, {}};
    return Input;
  }
  const Summary &analyze(const Function &F, int Flags, const Bindings &B,
                         const ParamValues &Values = {});
  /// Adds what reaches the exit block over one edge to the split exit.
  static void noteExit(Summary &Out, std::optional<int64_t> Returns,
                       const State &Reaching) {
    HState Joined;
    for (const auto &[Tag, St] : Reaching)
      Joined.join(St);
    if (!Returns) {
      if (!Out.ExitOther)
        Out.ExitOther = Joined;
      else
        Out.ExitOther->join(Joined);
      return;
    }
    for (auto &[V, St] : Out.ExitByReturn)
      if (V == *Returns) {
        St.join(Joined);
        return;
      }
    Out.ExitByReturn.push_back({*Returns, Joined});
  }
  void runStaticDestructors(const HState &St, const Note *At,
                            std::vector<Pending> &Found) {
    for (const Function *D : P.StaticDtors) {
      if (!relevant(*D, {}, St.flags()))
        continue;
      const Summary &Sum = analyze(*D, St.flags(), {});
      for (const Pending &Pd : Sum.Findings)
        if (Pd.Close)
          addFinding(Found, resolveFinding(Pd, St, At, At));
    }
  }

public:
  /// A child that returns from main runs the static destructors too.
  void returnFromMain(const Function &Main, const HState &AtReturn) {
    if (!AtReturn.I)
      return;
    const Note *At = note(Note::ChildCall, Main.Loc,
                   "returning from main runs the destructors of static "
                   "objects");
    runStaticDestructors(AtReturn, At, Results);
  }

private:
  void transfer(const Function &F, const Event &E, const Bindings &B,
                State &S, std::vector<Pending> &Found);
  void applyCall(const Event &E, const Bindings &B, State &S,
                 std::vector<Pending> &Found);
  void applyFork(const Event &E, const Bindings &B, State &S,
                 std::vector<Pending> &Found);

  /// A call whose targets are all irrelevant to the handle in every
  /// process at the call leaves the state as it is: decided on the dense
  /// graph, without the call's facts.
  bool callChangesNothing(const FlowGraph::Event &E, const Bindings &B,
                          const State &S) const {
    if (E.PassesHandles || (E.Ref != FlowGraph::NoRef && mayReferTo(E.Ref, B)))
      return false;
    int Flags = 0;
    for (const auto &[Tag, St] : S)
      Flags |= St.flags();
    for (const uint32_t *T = G.targetsBegin(E), *End = G.targetsEnd(E);
         T != End; ++T)
      if (relevantId(*T, Flags))
        return false;
    return true;
  }
  /// relevant() for a call that binds no parameter to the handle.
  bool relevantId(uint32_t Id, int Flags) const {
    if (Fns.Creates[Id])
      return true;
    if ((Flags & 1) && (Rel.forks(Id) || Fns.Ends[Id]))
      return true;
    return (Flags & 2) && (Fns.Touches[Id] || (DtorsTouch && Rel.exits(Id)));
  }

  /// Whether an event or edge on reference Ref can concern the handle
  /// (ParamMatch: if the caller bound that parameter to it).
  bool mayReferTo(uint32_t Ref, const Bindings &B) const {
    uint8_t M = RefMatch[Ref];
    return M == Match || (M == ParamMatch && !B.empty());
  }

  const Program &P;
  const FlowGraph &G;
  const Relevance &Rel;
  const Target &H;
  enum : uint8_t { NoMatch, Match, ParamMatch };
  std::vector<uint8_t> RefMatch; // by FlowGraph reference id
  /// A function's summary depends on its input facts, which parameters
  /// carry the handle, and the constants its caller fixed. By function id:
  /// a function has a few summaries at most.
  struct MemoEntry {
    int Flags;
    Bindings B;
    ParamValues Values;
    const Summary *Done; // null: being computed (recursion)
  };
  std::vector<std::vector<MemoEntry>> Memo;
  std::deque<Summary> Summaries; // stable: callers hold references
  /// Worklist storage by recursion depth.
  struct Scratch {
    std::vector<std::optional<State>> In;
    std::vector<char> Queued;
    std::vector<unsigned> Work;
  };
  std::vector<std::unique_ptr<Scratch>> ScratchByDepth;
  unsigned Depth = 0;
  struct ScratchFrame {
    explicit ScratchFrame(HandleAnalysis &A) : A(A), S(A.scratch()) {}
    ~ScratchFrame() { --A.Depth; }
    HandleAnalysis &A;
    Scratch &S;
  };
  Scratch &scratch() {
    if (Depth == ScratchByDepth.size())
      ScratchByDepth.push_back(std::make_unique<Scratch>());
    return *ScratchByDepth[Depth++];
  }
  /// What a recursive call is assumed to do: nothing (by input flags).
  Summary Identity[4];
  Relevance::ForHandle Fns;
  bool DtorsTouch = false;
  Arena Mem;
};

const Summary &HandleAnalysis::analyze(const Function &F, int Flags,
                                       const Bindings &B,
                                       const ParamValues &Values) {
  std::vector<MemoEntry> &Entries = Memo[P.idOf(F)];
  for (const MemoEntry &M : Entries)
    if (M.Flags == Flags && M.B == B && M.Values == Values)
      // Unfinished: recursion; assume the call changes nothing.
      return M.Done ? *M.Done : Identity[Flags];
  size_t Slot = Entries.size();
  Entries.push_back(MemoEntry{Flags, B, Values, nullptr});
  HState Input = inputState(Flags);
  const FlowGraph::Function &GF = G.function(P.idOf(F));

  // The worklist state of this call, reused by every analysis at the same
  // recursion depth (a fresh one per function was most of the mallocs).
  ScratchFrame Frame(*this);
  std::vector<std::optional<State>> &In = Frame.S.In;
  std::vector<char> &Queued = Frame.S.Queued;
  std::vector<unsigned> &Work = Frame.S.Work;
  In.assign(F.Blocks.size(), std::nullopt);
  Queued.assign(F.Blocks.size(), false);
  In[F.Entry] = State{{ParentTag, Input}};
  Work.assign(1, F.Entry);
  Queued[F.Entry] = true;
  Summary Out;
  for (size_t Head = 0; Head < Work.size();) { // FIFO
    unsigned BId = Work[Head++];
    Queued[BId] = false;
    State S = *In[BId];
    const FlowGraph::Block &GB = G.block(GF, BId);
    for (const FlowGraph::Event *E = G.eventsBegin(GB), *End = G.eventsEnd(GB);
         E != End; ++E) {
      // Events on other handles, and calls of unknown functions, change
      // nothing: skip them without touching their facts.
      if (E->Kind == EventKind::Call ? E->Skippable || callChangesNothing(*E, B, S)
          : E->Ref != FlowGraph::NoRef ? !mayReferTo(E->Ref, B)
                                       : false)
        continue;
      transfer(F, *E->Facts, B, S, Out.Findings);
      if (S.empty())
        break;
    }
    if (S.empty())
      continue;
    for (const FlowGraph::Edge *Ed = G.edgesBegin(GB), *End = G.edgesEnd(GB);
         Ed != End; ++Ed) {
      // A branch on a parameter whose value the caller fixed (Kamailio's
      // child_init(rank) guard): only the edge that value takes.
      if (Ed->Param >= 0) {
        auto VIt = Values.find(Ed->Param);
        if (VIt != Values.end() && !takesEdge(*Ed->Facts, VIt->second))
          continue;
      }
      // The branch where a null test found the handle null: nothing about
      // it is live there ('if (!c) return -1;' after a failed connect).
      bool Null = Ed->NullRef != FlowGraph::NoRef &&
                  mayReferTo(Ed->NullRef, B) && refersTo(*Ed->Facts->Null, B);
      State Next;
      for (const auto &[Tag, St] : S) {
        if (Ed->ForkSite >= 0) {
          bool IsChild = Tag == Ed->ForkSite;
          if ((IsChild && !Ed->Child) || (!IsChild && !Ed->Parent))
            continue;
        }
        Next[Tag] = Null ? HState() : St;
      }
      if (Next.empty())
        continue;
      if (Ed->To == F.ExitBlock)
        noteExit(Out, Ed->Facts->Returns, Next);
      unsigned To = Ed->To;
      bool Changed = false;
      if (!In[To]) {
        In[To] = Next;
        Changed = true;
      } else {
        for (const auto &[Tag, St] : Next) {
          auto It = In[To]->find(Tag);
          if (It == In[To]->end()) {
            (*In[To])[Tag] = St;
            Changed = true;
          } else {
            Changed |= It->second.join(St);
          }
        }
      }
      if (Changed && !Queued[To]) {
        Queued[To] = true;
        Work.push_back(To);
      }
    }
  }
  if (In[F.ExitBlock]) {
    HState Exit;
    for (const auto &[Tag, St] : *In[F.ExitBlock])
      Exit.join(St);
    Out.Exit = Exit;
  }
  if (Out.ExitByReturn.empty())
    Out.ExitOther.reset(); // no constant returns: Exit says it all
  // Entries may have grown meanwhile (other inputs, deeper in the
  // recursion): find the slot again by index.
  Summaries.push_back(std::move(Out));
  return *(Memo[P.idOf(F)][Slot].Done = &Summaries.back());
}

void HandleAnalysis::transfer(const Function &F, const Event &E,
                              const Bindings &B, State &S,
                              std::vector<Pending> &Found) {
  switch (E.Kind) {
  case EventKind::Create:
  case EventKind::Connect:
  case EventKind::Reset:
    if (refersTo(E.Ref, B)) {
      if (E.Once) { // a static local's initialiser: once per process tree
        bool Initialised = false;
        for (const auto &[Tag, St] : S)
          Initialised |= St.L || St.I;
        if (Initialised) {
          for (auto &[Tag, St] : S)
            if (!St.L && !St.I)
              St.L = LiveW{false, Mem.single(Recipe::OnceMade, E)};
          return;
        }
      }
      Chain N = Mem.single(Recipe::Made, E);
      for (auto &[Tag, St] : S)
        St = HState{LiveW{false, N}, std::nullopt};
    }
    return;
  case EventKind::Close:
    if (refersTo(E.Ref, B))
      for (auto &[Tag, St] : S) {
        if (St.I && E.HarmfulClose) {
          Pending Pd;
          Pd.I = *St.I;
          Pd.Use = Mem.single(Recipe::Closed, E);
          Pd.Close = true;
          Pd.Harm = E.Harm;
          addFinding(Found, Pd);
        }
        St = HState();
      }
    return;
  case EventKind::Init:
  case EventKind::Kill:
    if (refersTo(E.Ref, B))
      for (auto &[Tag, St] : S)
        St = HState();
    return;
  case EventKind::Use:
    if (refersTo(E.Ref, B))
      for (auto &[Tag, St] : S) {
        if (St.I)
          addFinding(Found, {*St.I, Mem.single(Recipe::Used, E)});
        else if (E.Connects && !St.L) // a lazy handle's first use connects it
          St.L = LiveW{false, Mem.single(Recipe::FirstUse, E)};
      }
    return;
  case EventKind::Exit:
    // Only an inherited handle's destructor can do harm (and the note is
    // only written then).
    if (E.Exit == ExitKind::Exit &&
        std::any_of(S.begin(), S.end(),
                    [](const State::Entry &En) { return bool(En.second.I); })) {
      Note Exit;
      Exit.What = Note::ChildCall;
      Exit.Loc = E.Loc;
      Exit.Message = E.Api + "() runs the destructors of static objects here";
      if (E.Api == "exit") { // _Exit (C99 <stdlib.h>) runs none
        Exit.FixFrom = "exit";
        Exit.FixTo = "_Exit";
      }
      const Note *AtExit = Mem.add(std::move(Exit));
      for (const auto &[Tag, St] : S)
        if (St.I)
          runStaticDestructors(St, AtExit, Found);
    }
    S.clear();
    return;
  case EventKind::Fork:
    applyFork(E, B, S, Found);
    return;
  case EventKind::Call:
    applyCall(E, B, S, Found);
    return;
  }
  (void)F;
}

void HandleAnalysis::applyFork(const Event &E, const Bindings &B, State &S,
                               std::vector<Pending> &Found) {
  auto inherit = [&](const HState &From, const std::string &Msg) {
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
  };
  if (E.Fork == ForkKind::Daemon) {
    // The parent exits at once: a socket now has one user again, but a
    // process-bound handle belongs to the process that just exited.
    if (H.Sem == Semantics::SharedSocket)
      return;
    for (auto &[Tag, St] : S)
      St = inherit(St, "daemon() forks here and only the child continues; " +
                           name() + " belongs to the parent");
    return;
  }
  HState Child;
  for (const auto &[Tag, St] : S)
    Child.join(inherit(St, E.ForkApi + " forks here; the child inherits " +
                               name()));
  if (E.Fork == ForkKind::Clone) {
    // The child runs the callee and exits; the parent goes on unchanged.
    auto It = P.Functions.find(E.Callee);
    if (It == P.Functions.end() || !relevant(*It->second, {}, Child.flags()))
      return;
    const Summary &Sum = analyze(*It->second, Child.flags(), {});
    const Note *ChildCall = note(Note::ChildCall, E.Loc,
                          "'" + E.CalleeName +
                              "' runs in the child process created here");
    for (const Pending &Pd : Sum.Findings)
      addFinding(Found, resolveFinding(Pd, Child, ChildCall, ChildCall));
    (void)B;
    return;
  }
  int Tag = E.ForkSite >= 0 ? E.ForkSite : 1 << 20;
  auto It = S.find(Tag);
  if (It == S.end())
    S[Tag] = Child;
  else
    It->second.join(Child);
}

void HandleAnalysis::applyCall(const Event &E, const Bindings &B, State &S,
                               std::vector<Pending> &Found) {
  TargetList Targets = P.targets(E);
  bool AssignsHandle = E.AssignTo && refersTo(*E.AssignTo, B);
  if (Targets.empty()) {
    if (E.NoReturn)
      S.clear();
    return; // unknown callee: assumed not to touch the handle or fork
  }
  Bindings CalleeB = bindArgs(E, B);
  Via Call(E, false), ChildCall(E, true);
  State Next;
  for (const auto &[Tag, St] : S) {
    std::optional<HState> Joined;
    for (const Function *T : Targets) {
      if (!relevant(*T, CalleeB, St.flags())) {
        if (!Joined)
          Joined = St;
        else
          Joined->join(St);
        continue;
      }
      const Summary &Sum = analyze(*T, St.flags(), CalleeB);
      for (const Pending &Pd : Sum.Findings)
        addFinding(Found, resolveFinding(Pd, St, Call, ChildCall));
      if (!Sum.Exit)
        continue;
      HState R = resolveState(*Sum.Exit, St, Call);
      if (!Joined)
        Joined = R;
      else
        Joined->join(R);
    }
    if (Joined)
      Next[Tag] = *Joined;
  }
  if (AssignsHandle) {
    bool Live = false;
    for (const Function *T : Targets)
      Live |= Rel.returnsLive(*T);
    if (Live)
      for (auto &[Tag, St] : Next)
        St = HState{LiveW{false, Mem.single(Recipe::MadeByCall, E)},
                    std::nullopt};
  }
  S = std::move(Next);
}

std::string messageFor(const Target &H, const RuleSet &Rules,
                       const InhW &I) {
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  std::string Who = "'" + H.Info->Name + "'";
  if (Lib)
    Who += " (" + Lib->DisplayName + ")";
  // "the process forks with fork()" or "nginx forks its worker processes".
  std::string When =
      !I.Framework.empty()
          ? std::string(I.ForkApi)
          : "the process forks with " +
                (I.ForkApi.empty() ? std::string("fork()")
                                   : std::string(I.ForkApi));
  switch (H.Sem) {
  case Semantics::ProcessBound:
    return Who + " is open when " + When +
           " and is used in the child process; the handle belongs to the "
           "process that opened it";
  case Semantics::ThreadOwning:
    return Who + " is live when " + When +
           " and is used in the child process; its background threads do "
           "not exist in the child";
  case Semantics::SharedSocket:
    break;
  }
  return Who + " is connected when " + When +
         " and is used in the child process; parent and child share one "
         "connection";
}

std::string closeMessageFor(const Target &H, const RuleSet &Rules,
                            const std::string &Harm) {
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  std::string Who = "'" + H.Info->Name + "'";
  if (Lib)
    Who += " (" + Lib->DisplayName + ")";
  std::string Why = Harm.empty() ? std::string("closing it there harms the "
                                               "parent's connection")
                                 : Harm;
  return Who + " is inherited by a child process and closed there: " + Why;
}

std::string closeRemedyFor(const Target &H) {
  if (H.Sem == Semantics::ProcessBound)
    return "leave the child with _exit() so no destructor runs, and leak the "
           "inherited handle in the child instead of closing it";
  return "leave the child with _exit() so no destructor runs; leak the "
         "inherited handle in the child (or dup2() /dev/null over its "
         "descriptor before closing it); never call shutdown(2) on it";
}

std::string remedyFor(const Target &H, const RuleSet &Rules) {
  const LibraryRule *Lib = Rules.library(H.Info->Library);
  if (Lib && !Lib->Remedy.empty())
    return Lib->Remedy;
  return "create the handle lazily in each process, or reconnect after "
         "fork (in a pthread_atfork child handler or the framework's "
         "post-fork hook); do not close the inherited handle in the child";
}

Semantics parseSemantics(const std::string &S) {
  if (S == "process-bound")
    return Semantics::ProcessBound;
  if (S == "thread-owning")
    return Semantics::ThreadOwning;
  return Semantics::SharedSocket;
}

bool betterPending(const Pending &A, const Pending &B) {
  size_t NA = sizeOf(A.I.Fork) + sizeOf(A.Use);
  size_t NB = sizeOf(B.I.Fork) + sizeOf(B.Use);
  if (NA != NB)
    return NA < NB;
  auto locs = [](const Pending &P) {
    std::vector<Location> L;
    for (Chain C : {P.I.Fork, P.Use})
      for (; C; C = C->Next)
        L.push_back(C->loc());
    return L;
  };
  return locs(A) < locs(B);
}

} // namespace

namespace {

/// What every handle's analysis shares: computed once, read-only while the
/// handles are analysed in parallel.
struct ProgramContext {
  const Program &P;
  const RuleSet &Rules;
  const CheckSelection &Checks;
  Relevance Rel;
  FlowGraph G;
  std::map<std::string, std::vector<const HookBinding *>> HooksByFramework;
  std::vector<const Function *> Roots;
  std::map<std::string, std::set<const Function *>> Creators;
  bool ThisCreates = false; // constructors and methods create via 'this'
  ProgramContext(const Program &P, const RuleSet &Rules,
                 const CheckSelection &Checks)
      : P(P), Rules(Rules), Checks(Checks), Rel(P), G(P) {}
};

/// The handles worth analysing: every (variable, member path) some handle
/// event names, and every recorded handle variable (members reached through
/// 'this' included), that something can create.
std::vector<Target> handlesToAnalyse(const ProgramContext &C);
std::vector<Finding> analyseHandle(const ProgramContext &C, const Target &H);

struct AnalysisJob {
  const ProgramContext *C;
  const std::vector<Target> *Handles;
  std::vector<std::vector<Finding>> *Out;
  std::atomic<size_t> *Next;
};

void *runAnalysisJob(void *Arg) {
  auto *J = static_cast<AnalysisJob *>(Arg);
  for (size_t I; (I = (*J->Next)++) < J->Handles->size();)
    (*J->Out)[I] = analyseHandle(*J->C, (*J->Handles)[I]);
  return nullptr;
}

void prepare(ProgramContext &C);
} // namespace

std::vector<Finding> findHandleFindings(const Program &P, const RuleSet &Rules,
                                        const CheckSelection &Checks,
                                        unsigned Jobs) {
  ProgramContext C(P, Rules, Checks);
  prepare(C);
  std::vector<Target> Handles = handlesToAnalyse(C);
  std::vector<std::vector<Finding>> PerHandle(Handles.size());
  std::atomic<size_t> Next{0};
  AnalysisJob Job{&C, &Handles, &PerHandle, &Next};
  // Handles are independent: analyse them on Jobs threads. The analysis
  // recurses once per call on a path: a call chain thousands of functions
  // deep needs more than the default 8 MiB of stack, so every thread gets a
  // large (lazily committed) one.
  std::vector<pthread_t> Threads;
  pthread_attr_t Attr;
  if (pthread_attr_init(&Attr) == 0) {
    if (pthread_attr_setstacksize(&Attr, size_t(1) << 30) == 0)
      for (unsigned T = 0; T < std::max(1u, Jobs) && T < Handles.size(); ++T) {
        pthread_t Thread;
        if (pthread_create(&Thread, &Attr, runAnalysisJob, &Job) != 0)
          break;
        Threads.push_back(Thread);
      }
    pthread_attr_destroy(&Attr);
  }
  if (Threads.empty())
    runAnalysisJob(&Job); // no threads: here, on the caller's stack
  for (pthread_t T : Threads)
    pthread_join(T, nullptr);
  std::vector<Finding> Findings;
  for (std::vector<Finding> &Fs : PerHandle)
    for (Finding &F : Fs)
      Findings.push_back(std::move(F));
  std::sort(Findings.begin(), Findings.end());
  return Findings;
}

namespace {
void prepare(ProgramContext &C) {
  const Program &P = C.P;
  // Module hooks by framework, each function once per role, in a stable
  // order (registration location).
  {
    std::set<std::string> Seen;
    std::vector<const HookBinding *> All;
    for (const TUFacts &U : P.Units)
      for (const HookBinding &B : U.Hooks)
        All.push_back(&B);
    std::stable_sort(All.begin(), All.end(),
                     [](const HookBinding *X, const HookBinding *Y) {
                       return X->Loc < Y->Loc;
                     });
    for (const HookBinding *B : All)
      if (Seen.insert(B->Framework + "|" + std::to_string(B->Role) + "|" +
                      B->FunctionUsr)
              .second)
        C.HooksByFramework[B->Framework].push_back(B);
  }

  for (const auto &[Usr, F] : P.Functions)
    if (!F->IsStaticInit && !F->IsStaticDtors && !F->IsMain &&
        !P.Called[P.idOf(*F)] && !F->AddressTaken)
      C.Roots.push_back(F);

  // Where each handle can become live. A handle nothing ever creates cannot
  // be inherited; a local one only lives in the functions that create it.
  for (const auto &[Usr, F] : P.Functions)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        bool Creates = E.Kind == EventKind::Create ||
                       E.Kind == EventKind::Connect ||
                       E.Kind == EventKind::Reset ||
                       (E.Kind == EventKind::Use && E.Connects);
        const HandleRef *R = Creates ? &E.Ref
                             : (E.Kind == EventKind::Call && E.AssignTo)
                                 ? &*E.AssignTo
                                 : nullptr;
        if (!R)
          continue;
        if (R->Kind == HandleRef::Param)
          C.ThisCreates = true;
        else if (R->Kind != HandleRef::Result)
          C.Creators[R->key()].insert(F);
      }
}

std::vector<Target> handlesToAnalyse(const ProgramContext &C) {
  const Program &P = C.P;
  std::set<std::pair<std::string, std::string>> Keys;
  for (const auto &[Key, H] : P.Handles)
    Keys.insert({Key.substr(0, Key.size() - H->Path.size()), H->Path});
  for (const auto &[Usr, F] : P.Functions)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events)
        if ((E.Kind == EventKind::Create || E.Kind == EventKind::Connect ||
             E.Kind == EventKind::Reset) &&
            E.Ref.Kind != HandleRef::Param && E.Ref.Kind != HandleRef::Result)
          Keys.insert({E.Ref.Var, E.Ref.Path});
        else if (E.Kind == EventKind::Call && E.AssignTo &&
                 E.AssignTo->Kind != HandleRef::Param &&
                 E.AssignTo->Kind != HandleRef::Result)
          Keys.insert({E.AssignTo->Var, E.AssignTo->Path});
  std::vector<Target> Out;
  for (const auto &[Var, Path] : Keys) {
    auto HIt = P.Handles.find(Var + Path);
    if (HIt == P.Handles.end())
      continue;
    bool Local = HIt->second->Store == Storage::Local;
    if (!C.Creators.count(Var + Path) && (Local || !C.ThisCreates))
      continue;
    Out.push_back(
        Target{Var, Path, HIt->second, parseSemantics(HIt->second->Semantics)});
  }
  return Out;
}

std::vector<Finding> analyseHandle(const ProgramContext &C, const Target &H) {
  const Program &P = C.P;
  const RuleSet &Rules = C.Rules;
  const std::string UseCheck = "forksafe-inherited-handle";
  const std::string CloseCheck = "forksafe-inherited-handle-close";
  auto CIt = C.Creators.find(H.Var + H.Path);
  bool Local = H.Info->Store == Storage::Local;
  std::vector<Finding> Findings;
  {
    bool WantUse =
        C.Checks.InheritedHandle && !nolintSilences(H.Info->Nolint, UseCheck);
    bool WantClose = C.Checks.InheritedHandleClose &&
                     !nolintSilences(H.Info->Nolint, CloseCheck);
    if (!WantUse && !WantClose)
      return {};
    HandleAnalysis A(P, C.G, C.Rel, H);
    if (Local) {
      // A local is born in its own function: run that, from nothing.
      if (CIt != C.Creators.end())
        for (const Function *F : CIt->second)
          A.runEntry(*F, HState());
    } else {
    // Dynamic initialisers run first, in some order, then main; functions
    // nobody calls (library entry points, callbacks of unknown callers) are
    // analysed from the state after initialisation.
    HState Start;
    for (const Function *Init : P.StaticInits)
      if (auto After = A.runEntry(*Init, Start))
        Start.join(*After);
    for (const Function *Main : P.Mains)
      if (auto AtReturn = A.runEntry(*Main, Start))
        A.returnFromMain(*Main, *AtReturn);
    for (const Function *Root : C.Roots)
      A.runEntry(*Root, Start);
    for (const auto &[Fw, Bindings] : C.HooksByFramework) {
      const FrameworkRule *Rule = Rules.framework(Fw);
      A.runFramework(Fw, Rule ? Rule->DisplayName : Fw, Bindings, Start);
    }
    }

    for (bool Close : {false, true}) {
      if ((Close && !WantClose) || (!Close && !WantUse))
        continue;
      const Pending *Best = nullptr;
      for (const Pending &Pd : A.Results)
        if (Pd.Close == Close && (!Best || betterPending(Pd, *Best)))
          Best = &Pd;
      if (!Best)
        continue;
      Finding F;
      F.Check = Close ? CloseCheck : UseCheck;
      F.Loc = H.Info->Loc;
      F.HandleKey = H.Info->Key;
      F.HandleName = H.Info->Name;
      F.Library = H.Info->Library;
      F.Message = Close ? closeMessageFor(H, Rules, Best->Harm)
                        : messageFor(H, Rules, Best->I);
      std::string Name = "'" + H.Info->Name + "'";
      if (const Link *Created = lastOf(Best->I.Created))
        F.Notes.push_back(noteOf(*Created, Name));
      appendChain(F.Notes, Best->I.Hooks, Name);
      appendChain(F.Notes, Best->I.Fork, Name);
      appendChain(F.Notes, Best->Use, Name);
      Note Remedy;
      Remedy.What = Note::Remedy;
      Remedy.Loc = H.Info->Loc;
      const FrameworkRule *Fw = Rules.framework(std::string(Best->I.Framework));
      Remedy.Message = Close ? closeRemedyFor(H)
                       : Fw  ? Fw->Remedy
                             : remedyFor(H, Rules);
      F.Notes.push_back(Remedy);
      Findings.push_back(std::move(F));
    }
  }
  return Findings;
}

} // namespace

} // namespace forksafe
