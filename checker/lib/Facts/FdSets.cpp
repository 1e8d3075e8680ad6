// SPDX-License-Identifier: Apache-2.0
#include "FdSets.h"

#include "ConstantEval.h"
#include "ValueEncoder.h"

#include "forksafe/ValueExpr.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace forksafe {

namespace {
bool isFdSet(QualType T) {
  const RecordDecl *R = T.isNull() ? nullptr : T->getAsRecordDecl();
  if (!R)
    return false;
  for (const FieldDecl *F : R->fields())
    if (F->getName() == "fds_bits" || F->getName() == "__fds_bits")
      return true;
  return false;
}

/// Whether V is declared by the expansion of FD_ZERO (or glibc's
/// __FD_ZERO).
bool inFdZero(const VarDecl *V, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation L = V->getLocation();
  for (int Depth = 0; L.isMacroID() && Depth < 8; ++Depth) {
    StringRef Name = Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    if (Name == "FD_ZERO" || Name == "__FD_ZERO")
      return true;
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return false;
}

/// 'p' where p is a local pointer initialised with '&set': set.
const Expr *throughLocalPointer(const Expr *P) {
  const auto *DRE = dyn_cast<DeclRefExpr>(P);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl() || !V->getInit())
    return nullptr;
  const auto *U = dyn_cast<UnaryOperator>(V->getInit()->IgnoreParenImpCasts());
  return U && U->getOpcode() == UO_AddrOf ? U->getSubExpr() : nullptr;
}
} // namespace

bool matchFdWord(const Expr *E, FdWord &Out) {
  const auto *AS = dyn_cast<ArraySubscriptExpr>(E->IgnoreParenImpCasts());
  if (!AS)
    return false;
  const auto *ME = dyn_cast<MemberExpr>(AS->getBase()->IgnoreParenImpCasts());
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field ||
      !(Field->getName() == "fds_bits" || Field->getName() == "__fds_bits"))
    return false;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (ME->isArrow()) {
    if (const auto *U = dyn_cast<UnaryOperator>(Base);
        U && U->getOpcode() == UO_AddrOf)
      Base = U->getSubExpr()->IgnoreParenImpCasts();
    else if (const Expr *Set = throughLocalPointer(Base))
      Base = Set->IgnoreParenImpCasts();
  }
  Out.Set = Base;
  Out.Index = AS->getIdx();
  return true;
}

const Expr *descriptorOfIndex(const Expr *Index) {
  const auto *B = dyn_cast<BinaryOperator>(Index->IgnoreParenImpCasts());
  if (!B || B->getOpcode() != BO_Div)
    return nullptr;
  return B->getLHS()->IgnoreParenImpCasts();
}

std::string descriptorKey(const Expr *Fd) {
  Fd = Fd->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Fd))
    return DRE->getDecl()->getName().str();
  if (const auto *ME = dyn_cast<MemberExpr>(Fd)) {
    std::string Base = descriptorKey(ME->getBase());
    if (Base.empty())
      return "";
    return Base + (ME->isArrow() ? "->" : ".") +
           ME->getMemberDecl()->getName().str();
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Fd)) {
    std::string Base = descriptorKey(AS->getBase());
    const auto *I =
        dyn_cast<IntegerLiteral>(AS->getIdx()->IgnoreParenImpCasts());
    if (Base.empty() || !I)
      return "";
    return Base + "[" + std::to_string(I->getValue().getZExtValue()) + "]";
  }
  if (const auto *U = dyn_cast<UnaryOperator>(Fd);
      U && U->getOpcode() == UO_Deref) {
    std::string Sub = descriptorKey(U->getSubExpr());
    return Sub.empty() ? "" : "*" + Sub;
  }
  return "";
}

const Expr *fdSetArgument(const Expr *Arg) {
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Arg);
      U && U->getOpcode() == UO_AddrOf && isFdSet(U->getSubExpr()->getType()))
    return U->getSubExpr()->IgnoreParenImpCasts();
  if (Arg->getType()->isPointerType() &&
      isFdSet(Arg->getType()->getPointeeType()))
    return Arg;
  return nullptr;
}

bool isSelectCall(const CallExpr *CE) {
  const FunctionDecl *F = CE->getDirectCallee();
  if (!F || !F->getIdentifier() ||
      !F->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  return F->getName() == "select" || F->getName() == "pselect";
}

std::vector<std::pair<int, std::string>> fdSetStores(const Stmt *S,
                                                     ValueEncoder &Values) {
  std::vector<std::pair<int, std::string>> Out;
  // The bits of Dst become Src's (a copy of the set), or unknown.
  auto copy = [&](std::optional<HandleRef> Dst, std::optional<HandleRef> Src) {
    if (!Dst)
      return;
    for (const auto &[Key, Bit] : Values.fdBits(*Dst)) {
      std::optional<int> From = Src ? Values.fdBit(*Src, Key) : std::nullopt;
      Out.push_back({Bit, From ? vx::place(unsigned(*From)) : vx::unknown()});
    }
  };
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *F = CE->getDirectCallee();
    // FD_ZERO() as memset(set, 0, ...) (musl, some BSDs).
    if (unsigned Id = CE->getBuiltinCallee();
        (Id == Builtin::BImemset || Id == Builtin::BI__builtin_memset) &&
        CE->getNumArgs() == 3)
      if (const Expr *Set = fdSetArgument(CE->getArg(0)))
        if (std::optional<HandleRef> R = Values.fdSetRef(Set)) {
          std::optional<llvm::APSInt> V =
              constantValue(CE->getArg(1), Values.context());
          bool Zero = V && *V == 0;
          for (const auto &[Key, Bit] : Values.fdBits(*R))
            Out.push_back({Bit, Zero ? vx::constant(0) : vx::unknown()});
          return Out;
        }
    bool Select = isSelectCall(CE);
    // A function with a body here says itself what it does to the set.
    if (!Select && F && F->hasBody())
      return Out;
    for (const Expr *Arg : CE->arguments())
      if (const Expr *Set = fdSetArgument(Arg))
        if (std::optional<HandleRef> R = Values.fdSetRef(Set))
          for (const auto &[Key, Bit] : Values.fdBits(*R))
            Out.push_back(
                {Bit, Select ? vx::apply(ValueOp::Cond,
                                         {vx::place(unsigned(Bit)),
                                          vx::unknown(), vx::constant(0)})
                             : vx::unknown()});
    return Out;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->getInit())
        continue;
      // 'fd_set work = all;'
      if (isFdSet(V->getType()))
        copy(Values.fdSetRef(V),
             Values.fdSetRef(V->getInit()->IgnoreParenImpCasts()));
      // glibc's FD_ZERO(set) begins 'fd_set *__arr = (set);' and then
      // clears each word in a loop; the whole set is cleared here, before
      // the loop, so that no path leaves the loop with a bit unknown.
      if (inFdZero(V, Values.context()))
        if (const Expr *Set = fdSetArgument(V->getInit()))
          if (std::optional<HandleRef> R = Values.fdSetRef(Set))
            for (const auto &[Key, Bit] : Values.fdBits(*R))
              Out.push_back({Bit, vx::constant(0)});
    }
    return Out;
  }
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!BO || !BO->isAssignmentOp())
    return Out;
  FdWord W;
  if (matchFdWord(BO->getLHS(), W)) {
    std::optional<HandleRef> Set = Values.fdSetRef(W.Set);
    if (!Set)
      return Out;
    const Expr *Fd = descriptorOfIndex(W.Index);
    std::optional<int> Bit =
        Fd ? Values.fdBit(*Set, descriptorKey(Fd)) : std::nullopt;
    if (BO->getOpcode() == BO_OrAssign && Bit) // FD_SET
      Out.push_back({*Bit, vx::constant(1)});
    else if (BO->getOpcode() == BO_AndAssign && Bit) // FD_CLR
      Out.push_back({*Bit, vx::constant(0)});
    else if (BO->getOpcode() == BO_Assign && !Fd) { // FD_ZERO's loop
      std::optional<llvm::APSInt> V =
          constantValue(BO->getRHS(), Values.context());
      bool Zero = V && *V == 0;
      for (const auto &[Key, B] : Values.fdBits(*Set))
        Out.push_back({B, Zero ? vx::constant(0) : vx::unknown()});
    } else if (Bit) {
      Out.push_back({*Bit, vx::unknown()});
    }
    return Out;
  }
  // 'work = all;'
  if (BO->getOpcode() == BO_Assign && isFdSet(BO->getLHS()->getType()))
    copy(Values.fdSetRef(BO->getLHS()->IgnoreParens()),
         Values.fdSetRef(BO->getRHS()->IgnoreParenImpCasts()));
  return Out;
}

void forEachDescriptorUse(
    const Stmt *Body,
    const std::function<void(const Expr *, const Expr *)> &Visit) {
  if (!Body)
    return;
  if (const auto *E = dyn_cast<Expr>(Body)) {
    FdWord W;
    if (matchFdWord(E, W))
      if (const Expr *Fd = descriptorOfIndex(W.Index))
        Visit(W.Set, Fd);
  }
  for (const Stmt *C : Body->children())
    forEachDescriptorUse(C, Visit);
}

} // namespace forksafe
