// SPDX-License-Identifier: Apache-2.0
// Records what a TU stores into function-pointer and data-pointer slots
// (SlotFacts.h).
#include "SlotFacts.h"

#include "ConstantEval.h"
#include "HandleRefs.h"
#include "Hooks.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace forksafe {
namespace {

/// 'std::move(x)', 'std::forward<T>(x)': x.
const Expr *movedFrom(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *F = CE ? CE->getDirectCallee() : nullptr;
  if (!F || !F->isInStdNamespace() || !F->getIdentifier() ||
      CE->getNumArgs() != 1 ||
      (F->getName() != "move" && F->getName() != "forward"))
    return nullptr;
  return CE->getArg(0);
}

/// 'dlsym(lib, "name")' (or dlvsym), however cast: the address of a
/// symbol of a shared object the program loaded.
bool isLoadedSymbol(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         (Callee->getName() == "dlsym" || Callee->getName() == "dlvsym");
}

} // namespace

QualType functionObjectSignature(QualType T) {
  T = T.getNonReferenceType();
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "function" ||
      Spec->getTemplateArgs().size() != 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

bool isFunctionPointerType(QualType T) {
  T = T.getNonReferenceType();
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  return T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
         !functionObjectSignature(T).isNull();
}

bool isDataPointerType(QualType T) {
  T = T.getNonReferenceType();
  if (!T->isPointerType() || T->isFunctionPointerType())
    return false;
  QualType P = T->getPointeeType();
  return P->isRecordType() || P->isPointerType();
}

const FunctionDecl *functionValue(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    if (const FunctionDecl *F = functionRef(E))
      return F;
    E = E->IgnoreParenImpCasts();
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    // A captureless lambda converted to a function pointer: the pointer
    // calls the lambda's body.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (const auto *Conv =
              dyn_cast_or_null<CXXConversionDecl>(MC->getMethodDecl());
          Conv && Conv->getParent()->isLambda())
        return Conv->getParent()->getLambdaCallOperator();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else if (const auto *CC = dyn_cast<CXXConstructExpr>(E);
             CC && CC->getNumArgs() >= 1)
      E = CC->getArg(0);
    else if (const Expr *Moved = movedFrom(E))
      E = Moved;
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *functionPointerBehindCast(const Expr *E) {
  const auto *Deref = dyn_cast<UnaryOperator>(E->IgnoreParens());
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return nullptr;
  const auto *Addr =
      dyn_cast<UnaryOperator>(Deref->getSubExpr()->IgnoreParenCasts());
  if (!Addr || Addr->getOpcode() != UO_AddrOf ||
      !isFunctionPointerType(Addr->getSubExpr()->getType()))
    return nullptr;
  return Addr->getSubExpr();
}

std::string SlotFacts::slotName(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return slotUsr(ME->getMemberDecl());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      return V ? slotUsr(V) : "";
    }
    if (const Expr *Moved = movedFrom(E)) {
      E = Moved;
      continue;
    }
    // A std::function copied or moved from another: the same slot.
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
      continue;
    }
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
      continue;
    }
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
      continue;
    }
    if (const auto *CC = dyn_cast<CXXConstructExpr>(E);
        CC && CC->getNumArgs() == 1 &&
        !functionObjectSignature(CC->getType()).isNull()) {
      E = CC->getArg(0);
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = CE->getDirectCallee())
        return Usrs.of(F->getCanonicalDecl()) + "#r";
    return "";
  }
  return "";
}

std::string SlotFacts::slotUsr(const ValueDecl *D) {
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!F)
      return "";
    for (unsigned I = 0; I < F->getNumParams(); ++I)
      if (F->getParamDecl(I) == P)
        return Usrs.of(F->getCanonicalDecl()) + "#p" + std::to_string(I);
    return "";
  }
  if (const auto *V = dyn_cast<VarDecl>(D))
    return Usrs.of(V->getCanonicalDecl());
  return Usrs.of(D);
}

std::string SlotFacts::slotSource(const Expr *E) {
  if (const FunctionDecl *F = functionValue(E)) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      StoredRefs.insert(DRE);
    if (const auto *U = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts()))
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
        StoredRefs.insert(DRE);
    SlotFunctionDecls.insert(F->getCanonicalDecl());
    return "&" + Usrs.of(F->getCanonicalDecl());
  }
  if (isNullConstant(E, Ctx))
    return "";
  if (isLoadedSymbol(E))
    return "&" + std::string(LoadedSymbolUsr); // a loaded module's code
  std::string Slot = slotName(E);
  return Slot.empty() ? "?" : Slot;
}

void SlotFacts::noteSlotStore(const Expr *Value, const std::string &Slot) {
  if (!Value || Slot.empty())
    return;
  if (const auto *ILE = dyn_cast<InitListExpr>(Value->IgnoreParenImpCasts())) {
    // 'table[] = {a, b}': each element goes into the same slot.
    for (const Expr *Init : ILE->inits())
      noteSlotStore(Init, Slot);
    return;
  }
  std::string Source = slotSource(Value);
  if (Source.empty())
    return; // null
  if (Source == "?")
    OpaqueSlots.insert(Slot);
  else if (Source[0] == '&')
    FunctionSlots[Slot].insert(Source.substr(1));
  else if (Source != Slot)
    SlotFlows.insert({Slot, Source});
}

std::string SlotFacts::dataSource(const Expr *E) {
  const Expr *X = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(X);
      U && U->getOpcode() == UO_AddrOf) {
    std::string Path;
    X = U->getSubExpr()->IgnoreParenImpCasts();
    while (const auto *ME = dyn_cast<MemberExpr>(X)) {
      if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
        return "";
      Path = "." + ME->getMemberDecl()->getNameAsString() + Path;
      X = ME->getBase()->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(X);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->hasGlobalStorage())
      return "";
    return "*" + Usrs.of(V->getCanonicalDecl()) + "\n" + Path;
  }
  return slotName(E);
}

void SlotFacts::noteDataStore(const Expr *Value, const std::string &Slot) {
  if (!Value || Slot.empty())
    return;
  if (const auto *ILE = dyn_cast<InitListExpr>(Value->IgnoreParenImpCasts())) {
    for (const Expr *Init : ILE->inits())
      noteDataStore(Init, Slot);
    return;
  }
  std::string Source = dataSource(Value);
  if (Source.empty() || Source == Slot)
    return;
  if (Source[0] == '*')
    DataSlots[Slot].insert(Source.substr(1));
  else
    SlotFlows.insert({Slot, Source});
}

void SlotFacts::finish(TUFacts &F) {
  for (const auto &[Slot, Fns] : FunctionSlots)
    F.FunctionSlots[Slot].assign(Fns.begin(), Fns.end());
  F.OpaqueSlots.assign(OpaqueSlots.begin(), OpaqueSlots.end());
  F.SlotFlows.assign(SlotFlows.begin(), SlotFlows.end());
  for (const auto &[Slot, Targets] : DataSlots)
    F.DataSlots[Slot].assign(Targets.begin(), Targets.end());
}

} // namespace forksafe
