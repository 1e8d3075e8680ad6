// SPDX-License-Identifier: Apache-2.0
// Objects' lifetimes as events: constructors and member initialisers
// (a rule's handle events, or a call of the user constructor on the new
// object), destructors at 'delete', at the end of a scope and of static
// objects at exit (FunctionEncoder.h).
#include "FunctionEncoder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace forksafe {
namespace {

std::string calleeNameOf(const FunctionDecl *FD) {
  return FD ? ruleName(FD) : "";
}

} // namespace

void FunctionEncoder::memberInitializer(const CXXCtorInitializer *Init,
                                        std::vector<Event> &Out) {
  // 'App() : db("dbname=x"), conn(PQconnectdb("")) {}': the member is
  // 'this->db' / 'this->conn'.
  const FieldDecl *F = Init->getMember();
  if (!F || !Init->getInit())
    return;
  HandleRef R = Refs.thisRef();
  R.Path = "." + F->getNameAsString();
  const Expr *E = Init->getInit()->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *NE = dyn_cast<CXXNewExpr>(E))
    E = NE->getConstructExpr();
  if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(E)) {
    construct(CC, Out, nullptr, R);
    return;
  }
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    std::string Name = calleeNameOf(CE->getDirectCallee());
    if (const auto *Rules = TU.Rules.functions(Name)) {
      Target T;
      T.Ref = R;
      CalledName = Name;
      for (const FunctionRule &Rule : *Rules)
        if (Rule.HandleArg == FunctionRule::ReturnValue)
          ruleEvent(Rule, CE->getBeginLoc(), nullptr, T, Out);
    }
  }
}

void FunctionEncoder::construct(const CXXConstructExpr *CE,
                                std::vector<Event> &Out,
                                const VarDecl *TargetVar,
                                std::optional<HandleRef> TargetRef) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor || isStdWrapper(CE->getType()))
    return;
  SourceLocation Loc = CE->getBeginLoc();
  Target T;
  if (TargetVar)
    T.Var = TargetVar;
  else if (TargetRef)
    T.Ref = TargetRef;
  else
    T = targetOf(CE);
  if (const auto *Rules = TU.Rules.functions(ruleName(Ctor))) {
    for (const FunctionRule &Rule : *Rules)
      if (Rule.HandleArg == FunctionRule::ThisObject)
        ruleEvent(Rule, Loc, nullptr, T, Out);
      else if (Rule.HandleArg >= 0 &&
               unsigned(Rule.HandleArg) < CE->getNumArgs())
        ruleEvent(Rule, Loc, CE->getArg(Rule.HandleArg), T, Out);
    return;
  }
  // A user-defined constructor: its body acts on the new object ('this').
  if (!Ctor->hasBody() && !Ctor->isDefined())
    return;
  if (Ctor->isTrivial() || SM().isInSystemHeader(Ctor->getLocation()))
    return;
  std::optional<HandleRef> Obj = T.Ref;
  if (T.Assign)
    Obj = Refs.resolve(T.Assign);
  else if (T.Var)
    Obj = Refs.refOfVar(T.Var);
  Event E;
  E.Kind = EventKind::Call;
  E.Loc = TU.location(Loc);
  E.Callee = TU.Usrs.of(Ctor->getCanonicalDecl());
  E.CalleeName = Ctor->getQualifiedNameAsString();
  if (Obj)
    E.Args.push_back({-1, *Obj});
  for (unsigned I = 0; I < CE->getNumArgs(); ++I)
    if (auto R = Refs.resolve(CE->getArg(I)))
      E.Args.push_back({int(I), *R});
  argumentValues({CE->getArgs(), CE->getNumArgs()}, 0, E);
  Out.push_back(std::move(E));
}

void FunctionEncoder::destroy(const Expr *Object, const CXXRecordDecl *Class,
                              SourceLocation Loc, std::vector<Event> &Out,
                              std::optional<HandleRef> Ref) {
  if (!Class || !Class->hasDefinition())
    return;
  if (!Ref && Object)
    Ref = Refs.resolve(Object);
  if (!Ref)
    return;
  std::string Dtor = ruleName(Class) + "::~" + Class->getNameAsString();
  if (const auto *Rules = TU.Rules.functions(Dtor)) {
    for (const FunctionRule &Rule : *Rules) {
      if (Rule.HandleArg != FunctionRule::ThisObject)
        continue;
      handleEvent(eventKindOf(Rule.FunctionRole), *Ref, Rule, Loc, Out,
                  Object ? Refs.rootVar(Object) : nullptr,
                  Object ? Object->getType() : QualType());
    }
    return;
  }
  const CXXDestructorDecl *D = Class->getDestructor();
  if (!D || D->isTrivial() || SM().isInSystemHeader(D->getLocation()))
    return;
  Event E;
  E.Kind = EventKind::Call;
  E.Loc = TU.location(Loc);
  E.Callee = TU.Usrs.of(D->getCanonicalDecl());
  E.CalleeName = D->getQualifiedNameAsString();
  E.Virtual = D->isVirtual();
  E.Args.push_back({-1, *Ref});
  Out.push_back(std::move(E));
}

void FunctionEncoder::destroyObject(QualType T, const HandleRef &R,
                                    SourceLocation Loc, std::vector<Event> &Out,
                                    int Depth) {
  // An owning wrapper destroys what it holds.
  QualType Held = wrappedType(T);
  if (!Held.isNull()) {
    const auto *Spec =
        dyn_cast<ClassTemplateSpecializationDecl>(T->getAsRecordDecl());
    std::string W = Spec ? Spec->getName().str() : "";
    if (W == "unique_ptr" || W == "shared_ptr" || W == "optional") {
      QualType Pointee = Held;
      destroyObject(Pointee, R, Loc, Out, Depth + 1);
    }
    return;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor() || Depth > 4)
    return;
  std::string Dtor = ruleName(RD) + "::~" + RD->getNameAsString();
  bool HasRule = TU.Rules.functions(Dtor) != nullptr;
  const CXXDestructorDecl *D = RD->getDestructor();
  if (HasRule || (D && D->isUserProvided())) {
    // A user destructor's CFG destroys the members itself.
    destroy(nullptr, RD, Loc, Out, R);
    return;
  }
  // An implicit destructor just destroys the members.
  for (const FieldDecl *F : RD->fields()) {
    HandleRef M = R;
    M.Path += "." + F->getNameAsString();
    destroyObject(F->getType(), M, Loc, Out, Depth + 1);
  }
}

void FunctionEncoder::runStaticDestructor(const VarDecl *Var,
                                          std::vector<Event> &Out) {
  HandleRef R;
  R.Var = TU.Usrs.of(Var->getCanonicalDecl());
  destroyObject(Var->getType(), R, Var->getLocation(), Out, 0);
}

} // namespace forksafe
