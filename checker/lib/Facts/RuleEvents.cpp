// SPDX-License-Identifier: Apache-2.0
// The handle events a rule match makes: what a called (or constructed or
// destroyed) library function does to the handle its rule names, an
// argument, the object or the handle it returns (FunctionEncoder.h).
#include "FunctionEncoder.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace forksafe {

EventKind eventKindOf(Role R) {
  switch (R) {
  case Role::Create:
    return EventKind::Create;
  case Role::Init:
    return EventKind::Init;
  case Role::Connect:
    return EventKind::Connect;
  case Role::Use:
    return EventKind::Use;
  case Role::Close:
    return EventKind::Close;
  case Role::Reset:
    return EventKind::Reset;
  }
  return EventKind::Use;
}

void FunctionEncoder::handleEvent(EventKind K, const HandleRef &R,
                                  const FunctionRule &Rule, SourceLocation Loc,
                                  std::vector<Event> &Out, const VarDecl *Root,
                                  QualType T, bool Once) {
  if (R.Kind == HandleRef::Local && !TU.Options.LocalHandles)
    return;
  Event E;
  E.Kind = K;
  E.Loc = TU.location(Loc);
  E.Ref = R;
  // A wildcard rule ('pqxx::connection::*') names the method actually called.
  E.Api =
      Rule.Function.size() > 1 &&
              Rule.Function.compare(Rule.Function.size() - 1, 1, "*") == 0 &&
              !CalledName.empty()
          ? CalledName
          : Rule.Function;
  E.Library = Rule.Library;
  E.HarmfulClose = Rule.HarmfulClose;
  E.Harm = Rule.Harm;
  E.Connects = Rule.Connects;
  E.Once = Once;
  Out.push_back(std::move(E));
  TU.Handles.noteHandle(R, Root, T, Rule.Library);
}

void FunctionEncoder::ruleEvent(const FunctionRule &Rule, SourceLocation Loc,
                                const Expr *HandleExpr, const Target &T,
                                std::vector<Event> &Out) {
  EventKind K = eventKindOf(Rule.FunctionRole);
  if (HandleExpr) {
    if (auto R = Refs.resolve(HandleExpr)) {
      handleEvent(K, *R, Rule, Loc, Out, Refs.rootVar(HandleExpr),
                  HandleExpr->getType());
      if (R->Kind == HandleRef::Local &&
          (K == EventKind::Create || K == EventKind::Connect))
        if (const VarDecl *V = Refs.rootVar(HandleExpr))
          CreatedLocals[V] = {TU.location(Loc), R->Path};
    }
    if (Rule.HandleArg != FunctionRule::ThisObject && !Rule.AlsoReturnsHandle)
      return;
    if (Rule.HandleArg == FunctionRule::ThisObject)
      return; // the object itself was the target
  }
  if (Rule.HandleArg != FunctionRule::ReturnValue &&
      Rule.HandleArg != FunctionRule::ThisObject && !Rule.AlsoReturnsHandle)
    return;
  // 'g = PQconnectdb(...)', 'PGconn *c = PQconnectdb(...)',
  // 'g = new pqxx::connection(...)', 'auto c = std::make_unique<X>(...)'.
  EventKind RK = Rule.FunctionRole == Role::Init    ? EventKind::Init
                 : Rule.FunctionRole == Role::Close ? EventKind::Close
                                                    : EventKind::Create;
  if (T.Assign) {
    if (auto R = Refs.resolve(T.Assign))
      handleEvent(RK, *R, Rule, Loc, Out, Refs.rootVar(T.Assign),
                  T.Assign->getType());
  } else if (T.Var) {
    HandleRef R = Refs.refOfVar(T.Var);
    if (R.Kind == HandleRef::Local && RK == EventKind::Create)
      CreatedLocals[T.Var] = {TU.location(Loc), ""};
    handleEvent(RK, R, Rule, Loc, Out, Refs.rootVar(T.Var), T.Var->getType(),
                T.Var->isStaticLocal());
  } else if (T.Ref) {
    handleEvent(RK, *T.Ref, Rule, Loc, Out, nullptr, QualType());
  } else if (T.Return && RK == EventKind::Create) {
    if (!Fn.ReturnsCreated)
      Fn.ReturnsCreated = TU.location(Loc);
  }
}

} // namespace forksafe
