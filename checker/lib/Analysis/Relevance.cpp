// SPDX-License-Identifier: Apache-2.0
#include "Relevance.h"

#include <deque>

namespace forksafe {

static bool isHandleEvent(EventKind K) {
  return K != EventKind::Call && K != EventKind::Fork && K != EventKind::Exit;
}

Relevance::Relevance(const Program &P) {
  // Only variables that hold handles matter; and only globals can matter to
  // a caller (a local is invisible outside its function: callees see it
  // through their parameters).
  std::set<std::string> HandleRoots;
  for (const auto &[Key, H] : P.Handles)
    HandleRoots.insert(Key.substr(0, Key.size() - H->Path.size()));
  auto note = [&](const std::string &Usr, const HandleRef &R) {
    if (R.Kind == HandleRef::Global && HandleRoots.count(R.Var))
      Vars[Usr].insert(R.Var);
    else if (R.Kind == HandleRef::Local)
      Locals[Usr].insert(R.Var);
  };
  std::map<std::string, std::vector<std::string>> Callers;
  std::map<std::string, std::vector<std::string>> Callees;
  for (const auto &[Usr, F] : P.Functions) {
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind == EventKind::Fork) {
          Forks.insert(Usr);
          if (!E.Callee.empty()) {
            Callers[E.Callee].push_back(Usr);
            Callees[Usr].push_back(E.Callee);
          }
        } else if (isHandleEvent(E.Kind)) {
          if (E.Ref.Kind == HandleRef::Param) {
            Params.insert(Usr);
          } else if (E.Ref.Kind == HandleRef::Result) {
            auto It = P.Functions.find(E.Ref.Var);
            if (It != P.Functions.end() && It->second->ReturnsRef)
              Vars[Usr].insert(It->second->ReturnsRef->Var);
          } else if (E.Ref.Kind == HandleRef::Local) {
            Locals[Usr].insert(E.Ref.Var);
          } else {
            Vars[Usr].insert(E.Ref.Var);
          }
        } else if (E.Kind == EventKind::Call) {
          if (E.AssignTo)
            note(Usr, *E.AssignTo);
          // Passing a handle (or an object holding one) on makes this
          // function matter for it.
          for (const auto &[Index, Ref] : E.Args)
            note(Usr, Ref);
          for (const Function *T : P.targets(E)) {
            Callers[T->Usr].push_back(Usr);
            Callees[Usr].push_back(T->Usr);
          }
        }
      }
  }
  // Propagate to callers until nothing changes (cycles terminate: sets only
  // grow and are bounded).
  std::deque<std::string> Work;
  for (const auto &[Usr, F] : P.Functions)
    Work.push_back(Usr);
  std::set<std::string> Queued(Work.begin(), Work.end());
  while (!Work.empty()) {
    std::string U = Work.front();
    Work.pop_front();
    Queued.erase(U);
    bool UForks = Forks.count(U), UParams = Params.count(U);
    const std::set<std::string> *UVars = nullptr;
    auto VIt = Vars.find(U);
    if (VIt != Vars.end())
      UVars = &VIt->second;
    for (const std::string &C : Callers[U]) {
      bool Changed = false;
      if (UForks && Forks.insert(C).second)
        Changed = true;
      // A caller that passes handles to U matters when U acts on its params.
      if (UParams && Params.insert(C).second)
        Changed = true;
      if (UVars)
        for (const std::string &V : *UVars)
          Changed |= Vars[C].insert(V).second;
      if (Changed && Queued.insert(C).second)
        Work.push_back(C);
    }
  }
  // Factories, through chains of 'return make();'.
  for (const auto &[Usr, F] : P.Functions)
    if (F->ReturnsCreated)
      Factories.insert(Usr);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Usr, F] : P.Functions)
      if (!Factories.count(Usr))
        for (const std::string &C : F->ReturnsCallResultOf)
          if (Factories.count(C)) {
            Factories.insert(Usr);
            Changed = true;
            break;
          }
  }
}


bool Relevance::touches(const std::string &Usr, const std::string &Var) const {
  auto It = Vars.find(Usr);
  if (It != Vars.end() && It->second.count(Var))
    return true;
  auto L = Locals.find(Usr);
  return L != Locals.end() && L->second.count(Var);
}

} // namespace forksafe
