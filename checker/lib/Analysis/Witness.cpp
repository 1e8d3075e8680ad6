// SPDX-License-Identifier: Apache-2.0
#include "Witness.h"

namespace forksafe {

Note noteOf(const Link &L, const std::string &Name) {
  if (L.N)
    return *L.N;
  const Event &E = *L.E;
  Note N;
  N.Loc = E.Loc;
  std::string Callee =
      "'" + (E.CalleeName.empty() ? "function" : E.CalleeName) + "'";
  switch (L.R) {
  case Recipe::Written:
    break;
  case Recipe::Call:
  case Recipe::ChildCall:
  case Recipe::TypedCall:
  case Recipe::TypedChildCall: {
    bool InChild = L.R == Recipe::ChildCall || L.R == Recipe::TypedChildCall;
    bool Typed = L.R == Recipe::TypedCall || L.R == Recipe::TypedChildCall;
    N.What = InChild ? Note::ChildCall : Note::Call;
    N.Message = Callee + " called from here" +
                (Typed ? " through a function pointer resolved by its type "
                         "(the pointer escapes to code without a body)"
                       : "") +
                (InChild ? " in the child process" : "");
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

bool betterPending(const Pending &A, const Pending &B) {
  if (A.Assumed != B.Assumed)
    return A.Assumed < B.Assumed;
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

std::optional<Location> forkSiteOf(const Pending &P) {
  // The fork chain ends at the fork's note (calls on the way come first).
  // A server forks through its own wrapper ('exim_fork("queue-runner")',
  // 'fork_process(PROC_TIMER, ...)') from many places: the call into the
  // function that forks tells the children apart, the fork() in it does
  // not.
  const Link *Call = nullptr;
  for (Chain C = P.I.Fork; C; C = C->Next) {
    if (!C->Next) {
      bool ViaCall = Call && (Call->R == Recipe::Call ||
                              Call->R == Recipe::TypedCall);
      return ViaCall ? Call->loc() : C->loc();
    }
    Call = C;
  }
  return std::nullopt;
}

} // namespace forksafe
