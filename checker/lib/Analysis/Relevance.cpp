// SPDX-License-Identifier: Apache-2.0
#include "Relevance.h"

namespace forksafe {

static bool isHandleEvent(EventKind K) {
  return K != EventKind::Call && K != EventKind::Fork && K != EventKind::Exit &&
         K != EventKind::Assign && K != EventKind::AtFork;
}

Relevance::Relevance(const Program &P) : P(P) {
  size_t N = P.ById.size();
  Callers.resize(N);
  Forks.assign(N, false);
  Exits.assign(N, false);
  Params.assign(N, false);
  // Only variables that hold handles matter to a caller.
  std::set<std::string> HandleRoots;
  for (const auto &[Key, H] : P.Handles)
    HandleRoots.insert(Key.substr(0, Key.size() - H->Path.size()));
  for (uint32_t Id = 0; Id < N; ++Id) {
    const Function &F = *P.ById[Id];
    // What: 1 creates, 2 ends, 3 either (a handle passed on to a callee).
    auto name = [&](const HandleRef &R, bool AnyGlobal, int What) {
      std::string Var = R.Var;
      bool Global = R.Kind != HandleRef::Local;
      if (R.Kind == HandleRef::Result) {
        auto It = P.Functions.find(R.Var);
        if (It == P.Functions.end() || !It->second->ReturnsRef)
          return;
        Var = It->second->ReturnsRef->Var;
      } else if (R.Kind == HandleRef::Param ||
                 (Global && !AnyGlobal && !HandleRoots.count(R.Var))) {
        return;
      }
      auto add = [&](const std::string &V) {
        Namers &N = ByVar[V];
        N.Global = N.Global || Global;
        N.Touch.push_back(Id);
        if (What & 1)
          N.Create.push_back(Id);
        if (What & 2)
          N.End.push_back(Id);
      };
      add(Var);
      // 'cur->conn' with 'cur = &g_state' names g_state too.
      if (auto It = P.VarPointees.find(Var); It != P.VarPointees.end())
        for (const Program::Pointee &Pt : It->second)
          add(Pt.Var);
    };
    // A method's object whose pointer members point to globals names them
    // ('app.~App()' with 'app.state = &g_state').
    auto nameMembers = [&](const std::string &Method) {
      std::string Class = Program::classOf(Method);
      if (Class.empty())
        return;
      for (const auto &[Field, Pointees] : P.MemberPointees)
        if (Program::classOf(Field) == Class)
          for (const Program::Pointee &Pt : Pointees) {
            HandleRef R;
            R.Var = Pt.Var;
            name(R, true, 3);
          }
    };
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind == EventKind::Fork) {
          Forks[Id] = true;
          if (!E.Callee.empty()) {
            auto It = P.Functions.find(E.Callee);
            if (It != P.Functions.end())
              Callers[P.idOf(*It->second)].push_back(Id);
          }
        } else if (E.Kind == EventKind::Exit) {
          Exits[Id] = Exits[Id] || E.Exit == ExitKind::Exit;
        } else if (isHandleEvent(E.Kind)) {
          bool Creates = makesLive(E);
          bool Ends = E.Kind == EventKind::Close || E.Kind == EventKind::Init ||
                      E.Kind == EventKind::Kill;
          if (E.Ref.Kind == HandleRef::Param)
            Params[Id] = true;
          else
            name(E.Ref, true, (Creates ? 1 : 0) | (Ends ? 2 : 0));
        } else if (E.Kind == EventKind::Call) {
          // Passing a handle (or an object holding one) on makes this
          // function matter for it.
          if (E.AssignTo)
            name(*E.AssignTo, false, 1);
          for (const auto &[Index, Ref] : E.Args) {
            name(Ref, false, 3);
            if (Index == -1 && !P.MemberPointees.empty())
              nameMembers(E.Callee);
          }
          for (const Function *T : P.targets(E))
            Callers[P.idOf(*T)].push_back(Id);
        }
      }
  }
  // A caller that passes handles to a function acting on its parameters
  // matters too; so does one whose callee forks or exits.
  for (std::vector<bool> *Flags : {&Forks, &Exits, &Params})
    closeOverCallers(*Flags);
}

void Relevance::closeOverCallers(std::vector<bool> &Marked) const {
  std::vector<uint32_t> Work;
  for (uint32_t Id = 0; Id < Marked.size(); ++Id)
    if (Marked[Id])
      Work.push_back(Id);
  // Each function enters the worklist once: cycles terminate.
  while (!Work.empty()) {
    uint32_t Id = Work.back();
    Work.pop_back();
    for (uint32_t C : Callers[Id])
      if (!Marked[C]) {
        Marked[C] = true;
        Work.push_back(C);
      }
  }
}

Relevance::ForHandle Relevance::forHandle(const std::string &Var) const {
  ForHandle Out;
  size_t N = P.ById.size();
  Out.Touches.assign(N, false);
  Out.Creates.assign(N, false);
  Out.Ends.assign(N, false);
  auto It = ByVar.find(Var);
  if (It == ByVar.end())
    return Out;
  const Namers &Nm = It->second;
  for (auto [Ids, Marked] : {std::pair{&Nm.Touch, &Out.Touches},
                             std::pair{&Nm.Create, &Out.Creates},
                             std::pair{&Nm.End, &Out.Ends}}) {
    for (uint32_t Id : *Ids)
      (*Marked)[Id] = true;
    if (Nm.Global)
      closeOverCallers(*Marked);
  }
  return Out;
}

} // namespace forksafe
