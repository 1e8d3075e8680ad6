// SPDX-License-Identifier: Apache-2.0
// The handle checks over a linked program: which handles to analyse, each
// handle's analysis from the program's entry points (Engine.h), on -j
// threads, and the findings built from the best witness of each check.
#include "forksafe/Analysis.h"
#include "forksafe/Checks.h"
#include "forksafe/StableSort.h"

#include "Engine.h"
#include "FlowGraph.h"
#include "HandleChecks.h"
#include "Relevance.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <pthread.h>
#include <set>

namespace forksafe {

bool Finding::operator<(const Finding &O) const {
  if (!(Loc == O.Loc))
    return Loc < O.Loc;
  if (Check != O.Check)
    return Check < O.Check;
  return HandleKey < O.HandleKey;
}

namespace {

/// What every handle's analysis shares: computed once, read-only while the
/// handles are analysed in parallel.
struct ProgramContext {
  const Program &P;
  const RuleSet &Rules;
  const CheckSelection &Checks;
  Relevance Rel;
  CallbackRegistries Registries; // before G: its keys are followed values
  FlowGraph G;
  WorkerCallbacks Workers;
  std::map<std::string, std::vector<const HookBinding *>> HooksByFramework;
  std::vector<const Function *> Roots;
  std::map<std::string, std::set<const Function *>> Creators;
  bool ThisCreates = false; // constructors and methods create via 'this'
  ProgramContext(const Program &P, const RuleSet &Rules,
                 const CheckSelection &Checks)
      : P(P), Rules(Rules), Checks(Checks), Rel(P), Registries(P, Rules),
        G(P, &Registries.keyParams()), Workers(P) {}
};

void prepare(ProgramContext &C) {
  const Program &P = C.P;
  // Module hooks by framework, each function once per role, in a stable
  // order (registration location).
  std::set<std::string> Seen;
  std::vector<const HookBinding *> All;
  for (const TUFacts &U : P.Units)
    for (const HookBinding &B : U.Hooks)
      All.push_back(&B);
  stableSort(All, [](const HookBinding *X, const HookBinding *Y) {
    return X->Loc < Y->Loc;
  });
  for (const HookBinding *B : All)
    if (Seen.insert(B->Framework + "|" + std::to_string(int(B->Role)) + "|" +
                    B->FunctionUsr)
            .second)
      C.HooksByFramework[B->Framework].push_back(B);

  for (const auto &[Usr, F] : P.Functions)
    if (!F->IsStaticInit && !F->IsStaticDtors && !F->IsMain &&
        !P.Called[P.idOf(*F)] && !F->AddressTaken)
      C.Roots.push_back(F);

  // Where each handle can become live. A handle nothing ever creates cannot
  // be inherited; a local one only lives in the functions that create it.
  for (const auto &[Usr, F] : P.Functions)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        bool Creates = makesLive(E);
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
        // 'sess = db_open()' makes 'sess.conn'.
        if (!Creates && R->Kind != HandleRef::Result)
          for (const Function *T : P.targets(E))
            if (const std::string *Path = C.Rel.madeInResult(*T);
                Path && !Path->empty()) {
              if (R->Kind == HandleRef::Param)
                C.ThisCreates = true;
              else
                C.Creators[R->key() + *Path].insert(F);
            }
      }
  // 'struct job j; job_setup(&j, dsn);': a callee may create a local's
  // handle member through the pointer it is handed, so a function that
  // hands a local to a call whose callee acts on a handle parameter (itself
  // or further down) may create the local's handles.
  if (C.ThisCreates) {
    std::map<std::string, std::set<const Function *>> HandedOn;
    for (const auto &[Usr, F] : P.Functions)
      for (const Block &B : F->Blocks)
        for (const Event &E : B.Events)
          if (E.Kind == EventKind::Call &&
              std::any_of(P.targets(E).begin(), P.targets(E).end(),
                          [&](const Function *T) {
                            return C.Rel.usesParams(*T);
                          }))
            for (const auto &[Index, Ref] : E.Args)
              if (Ref.Kind == HandleRef::Local)
                HandedOn[Ref.Var].insert(F);
    for (const auto &[Key, H] : P.Handles)
      if (H->Store == Storage::Local)
        if (auto It = HandedOn.find(Key.substr(0, Key.size() - H->Path.size()));
            It != HandedOn.end())
          C.Creators[Key].insert(It->second.begin(), It->second.end());
  }
}

/// The handles worth analysing: every (variable, member path) some handle
/// event names, and every recorded handle variable (members reached through
/// 'this' included), that something can create.
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
    auto Made = C.Creators.find(Var + Path);
    if (Made == C.Creators.end() && (Local || !C.ThisCreates))
      continue;
    // A local lives in the functions that make it: unless one of them
    // forks (itself or through a callee), no child can inherit it.
    if (Local && std::none_of(Made->second.begin(), Made->second.end(),
                              [&](const Function *F) {
                                return C.Rel.forks(*F);
                              }))
      continue;
    Out.push_back(
        Target{Var, Path, HIt->second, HIt->second->Sem});
  }
  return Out;
}

/// Runs the program's entry points for one handle.
void runProgram(const ProgramContext &C, const Target &H, HandleAnalysis &A) {
  const Program &P = C.P;
  if (H.Info->Store == Storage::Local) {
    // A local is born in its own function: run that, from nothing (but
    // main, which starts with the globals' initial values).
    auto CIt = C.Creators.find(H.Var + H.Path);
    if (CIt != C.Creators.end())
      for (const Function *F : CIt->second)
        A.runEntry(*F, F->IsMain ? A.startState() : State{Disjunct()});
    return;
  }
  // Dynamic initialisers run first, then main; functions nobody calls
  // (library entry points, callbacks of unknown callers) can run at any
  // time: from the state after initialisation, with globals unknown.
  State Start = A.startState();
  for (const Function *Init : P.StaticInits) {
    State After = A.runEntry(*Init, Start);
    if (!After.empty())
      Start = std::move(After);
  }
  for (const Function *Main : P.Mains)
    A.returnFromMain(*Main, A.runEntry(*Main, Start));
  State Anytime;
  for (const Disjunct &D : Start) {
    Disjunct Any;
    Any.H = D.H;
    Anytime.push_back(std::move(Any));
  }
  for (const Function *Root : C.Roots)
    if (A.mayFind(*Root, Anytime)) // what a root leaves behind is not used
      A.runEntry(*Root, Anytime);
  for (const auto &[Fw, Bindings] : C.HooksByFramework) {
    const FrameworkRule *Rule = C.Rules.framework(Fw);
    A.runFramework(Fw, Rule ? Rule->DisplayName : Fw, Bindings, Start);
  }
}

/// The finding of one check: the best witness, and the other forks at
/// which the handle is inherited too.
Finding buildFinding(const ProgramContext &C, const Target &H,
                     const std::vector<Pending> &Results, bool Close) {
  const Pending *Best = nullptr;
  for (const Pending &Pd : Results)
    if (Pd.Close == Close && (!Best || betterPending(Pd, *Best)))
      Best = &Pd;
  Finding F;
  if (!Best || (isLatent(Best->Assumed) && !C.Checks.Latent))
    return F;
  F.Check = checkInfo(Close ? CheckId::InheritedHandleClose
                            : CheckId::InheritedHandle)
                .Name;
  F.Loc = H.Info->Loc;
  F.HandleKey = H.Info->Key;
  F.HandleName = H.Info->Name;
  F.Library = H.Info->Library;
  F.Message = Close ? inheritedHandleCloseMessage(H, C.Rules, Best->Harm)
                    : inheritedHandleMessage(H, C.Rules, Best->I);
  std::string Name = "'" + H.Info->Name + "'";
  if (const Link *Created = lastOf(Best->I.Created))
    F.Notes.push_back(noteOf(*Created, Name));
  appendChain(F.Notes, Best->I.Hooks, Name);
  appendChain(F.Notes, Best->I.Fork, Name);
  appendChain(F.Notes, Best->Use, Name);
  std::set<Location> Others;
  std::optional<Location> BestSite = forkSiteOf(*Best);
  for (const Pending &Pd : Results)
    if (Pd.Close == Close)
      if (std::optional<Location> Site = forkSiteOf(Pd);
          Site && !(BestSite && *Site == *BestSite))
        Others.insert(*Site);
  for (const Location &L : Others) {
    Note N;
    N.What = Note::OtherFork;
    N.Loc = L;
    N.Message = Name + " is also inherited by the child created here";
    F.Notes.push_back(std::move(N));
  }
  if (isLatent(Best->Assumed)) {
    Note Latent;
    Latent.What = Note::Latent;
    Latent.Loc = H.Info->Loc;
    Latent.Message =
        "latent: this path needs " + std::to_string(choicesOf(Best->Assumed)) +
        " indirect calls each to run one particular function of several it "
        "may reach, and nothing shows that they do";
    F.Notes.push_back(std::move(Latent));
  }
  Note Remedy;
  Remedy.What = Note::Remedy;
  Remedy.Loc = H.Info->Loc;
  Remedy.Message = Close ? inheritedHandleCloseRemedy(H)
                         : inheritedHandleRemedy(H, C.Rules, Best->I);
  F.Notes.push_back(std::move(Remedy));
  return F;
}

std::vector<Finding> analyseHandle(const ProgramContext &C, const Target &H) {
  auto wanted = [&](CheckId Id) {
    return C.Checks.enabled(Id) &&
           !nolintSilences(H.Info->Nolint, checkInfo(Id).Name);
  };
  bool WantUse = wanted(CheckId::InheritedHandle);
  bool WantClose = wanted(CheckId::InheritedHandleClose);
  if (!WantUse && !WantClose)
    return {};
  HandleAnalysis A(C.P, C.G, C.Rel, H);
  A.setFrameworkHooks(&C.HooksByFramework);
  A.setRegistries(&C.Registries);
  A.setWorkerCallbacks(&C.Workers);
  runProgram(C, H, A);
  std::vector<Finding> Findings;
  for (bool Close : {false, true}) {
    if ((Close && !WantClose) || (!Close && !WantUse))
      continue;
    Finding F = buildFinding(C, H, A.Results, Close);
    if (!F.Check.empty())
      Findings.push_back(std::move(F));
  }
  return Findings;
}

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

} // namespace forksafe
