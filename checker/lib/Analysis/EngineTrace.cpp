// SPDX-License-Identifier: Apache-2.0
// The engine's debug trace on stderr (FORKSAFE_TRACE, FORKSAFE_TRACE_BLOCKS).
#include "Engine.h"

#include "llvm/ADT/StringRef.h"

#include <cstdio>
#include <string>

namespace forksafe {

namespace {
std::string show(const AbsVal &V) {
  if (V.Lo == AbsVal::Min && V.Hi == AbsVal::Max)
    return V.NonZero ? "!0" : "?";
  if (V.Lo == V.Hi)
    return std::to_string(V.Lo);
  return "[" + (V.Lo == AbsVal::Min ? std::string("-inf") : std::to_string(V.Lo)) +
         "," + (V.Hi == AbsVal::Max ? std::string("inf") : std::to_string(V.Hi)) +
         "]" + (V.NonZero ? "!0" : "");
}
/// 'p12:name.path': the place's number and, for tracing, its name (the
/// USR's last component).
std::string show(const FlowGraph &G, const Env &E) {
  std::string S = "{";
  for (const Env::Entry &X : E) {
    const HandleRef &R = *G.place(X.first).Ref;
    llvm::StringRef Name = R.Var;
    Name = Name.substr(0, Name.find("@tu@"));
    Name = Name.substr(Name.rfind('@') + 1);
    std::string Label = R.Kind == HandleRef::Param
                            ? "arg" + std::to_string(R.ParamIndex)
                            : Name.str();
    S += (S.size() > 1 ? " p" : "p") + std::to_string(X.first) + ":" + Label +
         R.Path + "=" + show(X.second);
  }
  return S + "}";
}
} // namespace

// FORKSAFE_TRACE=<handle name>: every summary of that handle's analysis on
// stderr (debugging the engine; docs/engine.md).
void HandleAnalysis::trace(const Function &F, int Flags, const Env &In,
                           const Summary &Out) const {
  std::string S = "trace " + H.Info->Name + ": " + F.Name + " flags=" +
                  std::to_string(Flags) + " in=" + show(G, In) + " ->";
  if (Out.Exits.empty())
    S += " no return";
  for (const ExitCase &X : Out.Exits)
    S += std::string(" [") + (X.D.Child ? "child " : "") + "h=" +
         std::to_string(X.D.H.flags()) + " ret=" + show(X.Ret) +
         " v=" + show(G, X.D.V) + " assumed=" + std::to_string(X.D.Assumed) + "]";
  S += " findings=" + std::to_string(Out.Findings.size()) + "\n";
  std::fputs(S.c_str(), stderr);
}

// FORKSAFE_TRACE_BLOCKS=<function>: with FORKSAFE_TRACE, the disjuncts at
// each block of that function as it is visited.
void HandleAnalysis::traceBlock(const Function &F, unsigned BId,
                                const State &S) const {
  std::string Out = "  block " + std::to_string(BId);
  for (const Event &E : F.Blocks[BId].Events) {
    Out += " line " + std::to_string(E.Loc.Line);
    break;
  }
  for (const Disjunct &D : S)
    Out += std::string(" [") + (D.Child ? "child " : "") +
           "h=" + std::to_string(D.H.flags()) + " v=" + show(G, D.V) +
           " assumed=" + std::to_string(D.Assumed) + "]";
  Out += "\n";
  std::fputs(Out.c_str(), stderr);
}

} // namespace forksafe
