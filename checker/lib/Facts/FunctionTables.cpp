// SPDX-License-Identifier: Apache-2.0
// Records the statically initialised tables of functions a TU defines
// (FunctionTables.h).
#include "FunctionTables.h"

#include "HandleRefs.h"
#include "SlotFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace forksafe {

const VarDecl *rootGlobal(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      return V && V->hasGlobalStorage() ? V : nullptr;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr; // through a pointer: another object
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

std::pair<std::string, const Expr *>
FunctionTables::tableElement(const Expr *Callee) {
  const Expr *E = Callee->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  std::string Member;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
      return {"", nullptr};
    Member = "." + ME->getMemberDecl()->getNameAsString();
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *AS = dyn_cast<ArraySubscriptExpr>(E);
  if (!AS)
    return {"", nullptr};
  const auto *DRE = dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasGlobalStorage())
    return {"", nullptr};
  return {Usrs.of(V->getCanonicalDecl()) + Member, AS->getIdx()};
}

void FunctionTables::noteTable(const VarDecl *V) {
  const auto *AT = Ctx.getAsConstantArrayType(V->getType());
  const Expr *Init = V->getInit();
  if (!AT || !Init || V->isInvalidDecl() ||
      (V->isExternallyVisible() && !V->getType().isConstQualified()))
    return;
  const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
  if (!ILE)
    return;
  if (!ILE->isSemanticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  QualType Elem = AT->getElementType();
  uint64_t Size = AT->getSize().getZExtValue();
  if (Size > 4096)
    return;
  const std::string &Usr = Usrs.of(V->getCanonicalDecl());
  auto elementInit = [&](uint64_t I) -> const Expr * {
    return I < ILE->getNumInits() ? ILE->getInit(unsigned(I)) : nullptr;
  };
  auto functionUsr = [&](const Expr *E) {
    const FunctionDecl *F = E ? functionValue(E) : nullptr;
    return F ? Usrs.of(F->getCanonicalDecl()) : std::string();
  };
  if (isFunctionPointerType(Elem)) {
    TableRoots[Usr] = Usr;
    std::vector<std::string> &Fns = Tables[Usr];
    for (uint64_t I = 0; I < Size; ++I)
      Fns.push_back(functionUsr(elementInit(I)));
    return;
  }
  const RecordDecl *RD = Elem->getAsRecordDecl();
  if (!RD || !RD->getDefinition() || RD->isUnion())
    return;
  unsigned FieldIndex = 0;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    unsigned Index = FieldIndex++;
    if (!isFunctionPointerType(F->getType()) || F->getType()->isArrayType())
      continue;
    std::string Key = Usr + "." + F->getNameAsString();
    TableRoots[Key] = Usr;
    std::vector<std::string> &Fns = Tables[Key];
    for (uint64_t I = 0; I < Size; ++I) {
      const auto *Row = dyn_cast_or_null<InitListExpr>(
          elementInit(I) ? elementInit(I)->IgnoreParenImpCasts() : nullptr);
      if (Row && !Row->isSemanticForm() && Row->getSemanticForm())
        Row = Row->getSemanticForm();
      Fns.push_back(functionUsr(
          Row && Index < Row->getNumInits() ? Row->getInit(Index) : nullptr));
    }
  }
}

void FunctionTables::noteWritten(const VarDecl *V) {
  WrittenTables.insert(Usrs.of(V->getCanonicalDecl()));
}

void FunctionTables::finish(TUFacts &F,
                            const std::set<std::string> &AddressTaken,
                            const std::set<std::string> &TableAddressed) {
  for (auto &[Key, Fns] : Tables) {
    const std::string &Root = TableRoots[Key];
    if (!WrittenTables.count(Root) && !AddressTaken.count(Root) &&
        !TableAddressed.count(Root))
      F.Tables[Key] = std::move(Fns);
  }
}

} // namespace forksafe
