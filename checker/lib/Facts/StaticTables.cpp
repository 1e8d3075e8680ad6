// SPDX-License-Identifier: Apache-2.0
#include "StaticTables.h"

#include "ConstantEval.h"
#include "HandleRefs.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace forksafe {
namespace {

// Bounds on what one table may add to the facts.
constexpr uint64_t MaxElements = 4096;
constexpr size_t MaxEntries = 16384;

const RecordDecl *cStruct(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  // C structs only: a C++ object's constructor may set its members.
  if (!RD || RD->isUnion() || isa<CXXRecordDecl>(RD))
    return nullptr;
  return RD->getDefinition();
}

/// Whether a pointer initialiser is an address that cannot be null: a
/// string literal, a function, an object of static storage ('&x', an
/// array that decays).
bool isStaticAddress(const Expr *Init) {
  if (isa<StringLiteral>(Init) || isa<AddrLabelExpr>(Init))
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(Init);
      U && U->getOpcode() == UO_AddrOf)
    Init = U->getSubExpr()->IgnoreParenImpCasts();
  else if (!Init->getType()->isArrayType() &&
           !Init->getType()->isFunctionType())
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(Init);
  if (!DRE)
    return false;
  if (isa<FunctionDecl>(DRE->getDecl()))
    return true;
  const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
  return V && V->hasGlobalStorage();
}

/// A scalar's initial value: a constant integer, null, or
/// NonNullElementInit for a static address; nullopt when not known here
/// (another pointer, a value computed at run time).
std::optional<int64_t> scalarValue(const Expr *Init, QualType T,
                                   ASTContext &Ctx) {
  if (!Init)
    return 0; // static storage starts zeroed
  Init = Init->IgnoreParenImpCasts();
  if (isa<ImplicitValueInitExpr>(Init))
    return 0;
  if (Init->isValueDependent())
    return std::nullopt;
  if (T->isPointerType()) {
    if (isNullConstant(Init, Ctx))
      return 0;
    if (isStaticAddress(Init))
      return NonNullElementInit;
    return std::nullopt;
  }
  std::optional<int64_t> V = constantInt(Init, Ctx);
  if (V && *V == NonNullElementInit)
    return std::nullopt;
  return V;
}

const InitListExpr *semantic(const Expr *E) {
  const auto *ILE =
      dyn_cast_or_null<InitListExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (ILE && !ILE->isSemanticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  return ILE;
}

} // namespace

void noteElementInits(const VarDecl *V, ASTContext &Ctx, UsrCache &Usrs,
                      const HandleTypes &Types,
                      std::map<std::string, int64_t> &Inits,
                      std::map<std::string, std::string> &ElementTypes) {
  const auto *AT = Ctx.getAsConstantArrayType(V->getType());
  const InitListExpr *ILE = semantic(V->getInit());
  if (!AT || !ILE || V->isInvalidDecl() || V->getType().isVolatileQualified() ||
      AT->getSize().getZExtValue() > MaxElements)
    return;
  const RecordDecl *RD = cStruct(AT->getElementType());
  if (!RD)
    return;
  std::vector<const FieldDecl *> Scalars;
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (F->isBitField() || !F->getIdentifier() || Types.match(T) ||
        !(T->isIntegralOrEnumerationType() || T->isPointerType()))
      continue;
    Scalars.push_back(F);
  }
  uint64_t Size = AT->getSize().getZExtValue();
  if (Scalars.empty() || Size * Scalars.size() > MaxEntries)
    return;
  const std::string &Usr = Usrs.of(V->getCanonicalDecl());
  ElementTypes[Usr] = Usrs.of(RD);
  for (uint64_t I = 0; I < Size; ++I) {
    const Expr *Elem =
        I < ILE->getNumInits() ? ILE->getInit(unsigned(I)) : nullptr;
    const InitListExpr *Row = semantic(Elem);
    if (Elem && !Row)
      continue; // copied from another struct: not known here
    for (const FieldDecl *F : Scalars) {
      unsigned Index = F->getFieldIndex();
      const Expr *Init =
          Row && Index < Row->getNumInits() ? Row->getInit(Index) : nullptr;
      if (auto Value = scalarValue(Init, F->getType(), Ctx))
        Inits[Usr + "[" + std::to_string(I) + "]." + F->getName().str()] =
            *Value;
    }
  }
}

void FieldWrites::lvalue(const Expr *E) {
  // 'a.b.c = v' writes c, and b, and a's object: every field on the way.
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (Depth == 0 && E->getType()->isRecordType())
      whole(E); // 'x = y' of structs
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME)
      return;
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      Written.insert(Usrs.of(F->getParent()) + "." + F->getName().str());
    if (ME->isArrow())
      return;
    E = ME->getBase();
  }
}

void FieldWrites::whole(const Expr *E) {
  QualType T = E->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  else if (const auto *AT = Ctx.getAsArrayType(T))
    T = AT->getElementType();
  if (T.isConstQualified())
    return;
  if (const RecordDecl *RD = cStruct(T))
    Written.insert(Usrs.of(RD) + ".*");
}

void FieldWrites::note(const BinaryOperator *BO) {
  if (BO->isAssignmentOp())
    lvalue(BO->getLHS());
}

void FieldWrites::note(const UnaryOperator *UO) {
  if (UO->isIncrementDecrementOp())
    lvalue(UO->getSubExpr());
  else if (UO->getOpcode() == UO_AddrOf &&
           isa<MemberExpr>(UO->getSubExpr()->IgnoreParenImpCasts()) &&
           !UO->getSubExpr()->getType()->isRecordType() &&
           !UO->getSubExpr()->getType().isConstQualified())
    lvalue(UO->getSubExpr()); // '&t[i].f': an 'int *' may write it
  // '&t[i]' is no write: one through the pointer names the field.
}

void FieldWrites::noteLibraryCall(const CallExpr *CE) {
  // memset(&t[i], ...), read(fd, t, ...): library code writes whole objects.
  for (const Expr *Arg : CE->arguments())
    whole(Arg->IgnoreParenImpCasts());
}

} // namespace forksafe
