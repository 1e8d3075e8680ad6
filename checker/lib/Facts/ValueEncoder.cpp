// SPDX-License-Identifier: Apache-2.0
#include "ValueEncoder.h"

#include "ConstantCalls.h"
#include "ConstantEval.h"
#include "FdSets.h"
#include "Hooks.h"

#include "forksafe/ValueExpr.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <cctype>
#include <vector>

using namespace clang;

namespace forksafe {

namespace {
constexpr int ThisParam = -1;
constexpr unsigned MaxPathParts = 4;

int paramIndex(const FunctionDecl *FD, const ParmVarDecl *P) {
  if (!FD)
    return -1;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I) == P)
      return int(I);
  return -1;
}

unsigned pathParts(const std::string &Path) {
  unsigned N = 0;
  for (char C : Path)
    N += C == '.' || C == '*' || C == '[';
  return N;
}

/// The variable an lvalue is rooted at ('st.pid', 'c->pid', '*out', 'a[i]').
const VarDecl *rootVar(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// Every variable an expression names.
void varsOf(const Stmt *S, llvm::DenseSet<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Out.insert(V);
  for (const Stmt *C : S->children())
    varsOf(C, Out);
}

/// What scan() needs from a body: the expressions whose values are read
/// (conditions, returns, arguments, callees) and the copies between
/// variables.
struct BodyValues {
  std::vector<const Expr *> Reads;
  std::vector<std::pair<const VarDecl *, const Expr *>> Copies;

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      Reads.push_back(If->getCond());
    } else if (const auto *W = dyn_cast<WhileStmt>(S)) {
      Reads.push_back(W->getCond());
    } else if (const auto *D = dyn_cast<DoStmt>(S)) {
      Reads.push_back(D->getCond());
    } else if (const auto *F = dyn_cast<ForStmt>(S)) {
      Reads.push_back(F->getCond());
    } else if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
      Reads.push_back(Sw->getCond());
    } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S)) {
      Reads.push_back(CO->getCond());
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isLogicalOp()) {
        Reads.push_back(BO->getLHS());
        Reads.push_back(BO->getRHS());
      } else if (BO->isAssignmentOp()) {
        if (const VarDecl *V = rootVar(BO->getLHS()))
          Copies.push_back({V, BO->getRHS()});
      }
    } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Reads.push_back(R->getRetValue());
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      Reads.push_back(CE->getCallee());
      for (const Expr *A : CE->arguments())
        Reads.push_back(A);
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *Dc : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(Dc))
          if (V->getInit())
            Copies.push_back({V, V->getInit()});
    }
    for (const Stmt *C : S->children())
      walk(C);
  }
};
} // namespace

bool isProcessIdentityCall(const CallExpr *CE) {
  const FunctionDecl *F = CE ? CE->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier())
    return false;
  StringRef N = F->getName();
  if (N == "forksafe__generation")
    return true;
  return N == "getpid" && F->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

/// The C library's allocators: their failure is assumed not to happen (as
/// Infer and most analyzers assume by default), so a path that needs
/// malloc() to return NULL in a child (cyrus' and proftpd's out-of-memory
/// fatal(), which runs the cleanups) is not one forksafe reports.
bool isAllocatorCall(const CallExpr *CE) {
  const FunctionDecl *F = CE->getDirectCallee();
  if (!F)
    return false;
  switch (F->getBuiltinID()) {
  case Builtin::BImalloc:
  case Builtin::BIcalloc:
  case Builtin::BIrealloc:
  case Builtin::BIstrdup:
  case Builtin::BIstrndup:
    return true;
  default:
    return false;
  }
}

ValueEncoder::ValueEncoder(ASTContext &Ctx, const FunctionDecl *FD,
                           UsrCache &Usrs, const HandleTypes &Types,
                           const RefResolver &Refs, Function &Fn)
    : Ctx(Ctx), FD(FD), Usrs(Usrs), Types(Types), Refs(Refs), Fn(Fn) {}

void ValueEncoder::scan(const Stmt *Body) {
  forEachDescriptorUse(Body, [&](const Expr *Set, const Expr *Fd) {
    std::string Key = descriptorKey(Fd);
    if (std::optional<HandleRef> S = fdSetRef(Set); S && !Key.empty())
      FdKeys[placeKey(*S)].insert(Key);
  });
  BodyValues BV;
  BV.walk(Body);
  for (const Expr *E : BV.Reads)
    varsOf(E, Relevant);
  // What is copied into a relevant variable is relevant too.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Dst, Src] : BV.Copies)
      if (Relevant.count(Dst)) {
        size_t Before = Relevant.size();
        varsOf(Src, Relevant);
        Changed |= Relevant.size() != Before;
      }
  }
}

bool ValueEncoder::relevantVar(const VarDecl *V) const {
  return V && (V->hasGlobalStorage() || Relevant.count(V));
}

int ValueEncoder::intern(const HandleRef &R) {
  std::string Key(1, char('0' + R.Kind));
  Key += std::to_string(R.ParamIndex);
  Key += '\0';
  Key += R.Var;
  Key += '\0';
  Key += R.Path;
  auto [It, New] = PlaceIds.try_emplace(Key, int(Fn.Places.size()));
  if (New)
    Fn.Places.push_back(R);
  return It->second;
}

std::string ValueEncoder::placeKey(const HandleRef &R) {
  return std::to_string(int(R.Kind)) + ":" + std::to_string(R.ParamIndex) +
         ":" + R.Var + ":" + R.Path;
}

std::optional<HandleRef> ValueEncoder::fdSetRef(const Expr *Set) {
  std::optional<HandleRef> R = placeRef(Set, 0);
  if (R && R->Kind == HandleRef::Result)
    return std::nullopt;
  return R;
}

std::optional<HandleRef> ValueEncoder::fdSetRef(const VarDecl *V) {
  if (!V || isa<ParmVarDecl>(V))
    return std::nullopt;
  HandleRef R;
  R.Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
  R.Var = Usrs.of(V->getCanonicalDecl());
  return R;
}

std::optional<int> ValueEncoder::fdBit(const HandleRef &Set,
                                       const std::string &Key) {
  if (Key.empty())
    return std::nullopt;
  // One place per descriptor name; the name's punctuation is not a path.
  std::string Name = Key;
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  HandleRef R = Set;
  R.Path += ".fds_bits{" + Name + "}";
  return intern(R);
}

std::vector<std::pair<std::string, int>>
ValueEncoder::fdBits(const HandleRef &Set) {
  std::vector<std::pair<std::string, int>> Out;
  auto It = FdKeys.find(placeKey(Set));
  if (It == FdKeys.end())
    return Out;
  for (const std::string &Key : It->second)
    if (std::optional<int> Bit = fdBit(Set, Key))
      Out.push_back({Key, *Bit});
  return Out;
}

unsigned ValueEncoder::fnRef(const std::string &Usr) {
  auto [It, New] = FnRefIds.try_emplace(Usr, unsigned(Fn.FnRefs.size()));
  if (New)
    Fn.FnRefs.push_back(Usr);
  return It->second;
}

std::optional<HandleRef> ValueEncoder::placeRef(const Expr *E, int Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = E->IgnoreParens();
  if (Types.match(E->getType()))
    return Refs.resolve(E);
  E = E->IgnoreParenImpCasts();
  std::optional<HandleRef> R;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return std::nullopt;
    R.emplace();
    if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
      R->Kind = HandleRef::Param;
      R->ParamIndex = paramIndex(FD, P);
      if (R->ParamIndex < 0)
        return std::nullopt;
    } else {
      R->Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
      R->Var = Usrs.of(V->getCanonicalDecl());
    }
  } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      R.emplace();
      R->Var = Usrs.of(V->getCanonicalDecl()); // a static data member
    } else if (isa<FieldDecl>(ME->getMemberDecl())) {
      R = placeRef(ME->getBase(), Depth + 1);
      if (R)
        R->Path += "." + ME->getMemberDecl()->getNameAsString();
    }
  } else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && U->getOpcode() == UO_Deref) {
    R = placeRef(U->getSubExpr(), Depth + 1);
    // '(*p).f' is 'p->f'; only a dereference to a non-record is a place
    // of its own ('*out = fork()').
    if (R && !E->getType()->isRecordType())
      R->Path += "*";
  } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    R = placeRef(AS->getBase(), Depth + 1);
    if (R)
      R->Path += "[]";
  } else if (isa<CXXThisExpr>(E)) {
    R.emplace();
    R->Kind = HandleRef::Param;
    R->ParamIndex = ThisParam;
  }
  if (R && pathParts(R->Path) > MaxPathParts)
    return std::nullopt;
  return R;
}

std::optional<int> ValueEncoder::storePlace(const Expr *LValue) {
  if (!LValue || Types.match(LValue->getType()))
    return std::nullopt;
  QualType T = LValue->getType();
  if (!T->isScalarType() && !T->isRecordType())
    return std::nullopt;
  std::optional<HandleRef> R = placeRef(LValue, 0);
  if (!R || R->Kind == HandleRef::Result)
    return std::nullopt;
  bool Tracked = R->Kind == HandleRef::Global ||
                 (R->Kind == HandleRef::Param && !R->Path.empty()) ||
                 relevantVar(rootVar(LValue));
  if (!Tracked)
    return std::nullopt;
  return intern(*R);
}

std::optional<int> ValueEncoder::storePlace(const VarDecl *V) {
  if (!V || Types.match(V->getType()) || !relevantVar(V))
    return std::nullopt;
  QualType T = V->getType();
  if (!T->isScalarType() && !T->isRecordType())
    return std::nullopt;
  HandleRef R;
  if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
    R.Kind = HandleRef::Param;
    R.ParamIndex = paramIndex(FD, P);
    if (R.ParamIndex < 0)
      return std::nullopt;
  } else {
    R.Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
    R.Var = Usrs.of(V->getCanonicalDecl());
  }
  return intern(R);
}

void ValueEncoder::noteCallEvent(const CallExpr *CE, unsigned Block,
                                 unsigned Index) {
  CallEvents[CE] = {Block, Index};
}

std::string ValueEncoder::callResult(const CallExpr *CE) {
  auto It = CallEvents.find(CE);
  if (It == CallEvents.end())
    return vx::unknown();
  Event &E = Fn.Blocks[It->second.first].Events[It->second.second];
  if (E.Result < 0) {
    HandleRef Temp;
    Temp.Kind = HandleRef::Local;
    Temp.Var = Fn.Usr + "#t" + std::to_string(Temps++);
    E.Result = intern(Temp);
  }
  return vx::place(unsigned(E.Result));
}

std::string ValueEncoder::encode(const Expr *E) { return encode(E, 0); }

/// The index of 'table[i].f', a field of an element of a global array.
static const Expr *tableIndex(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME || ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
    return nullptr;
  const auto *AS = dyn_cast<ArraySubscriptExpr>(ME->getBase()->IgnoreParenImpCasts());
  const auto *DRE =
      AS ? dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts()) : nullptr;
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasGlobalStorage() ? AS->getIdx() : nullptr;
}

std::string ValueEncoder::encode(const Expr *E, int Depth) {
  if (!E || Depth > 24)
    return vx::unknown();
  E = E->IgnoreParens();
  if (!E->isValueDependent() && !E->isTypeDependent()) {
    QualType T = E->getType();
    if (T->isIntegralOrEnumerationType()) {
      if (std::optional<int64_t> V = constantInt(E, Ctx))
        return vx::constant(*V);
    } else if ((T->isPointerType() || T->isNullPtrType()) &&
               isNullConstant(E, Ctx)) {
      return vx::constant(0);
    }
  }
  if (const FunctionDecl *F = functionRef(E))
    return vx::fnAddr(fnRef(Usrs.of(F->getCanonicalDecl())));
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    if (C->getCastKind() == CK_ArrayToPointerDecay)
      return isa<StringLiteral>(C->getSubExpr()->IgnoreParens())
                 ? encode(C->getSubExpr()->IgnoreParens(), Depth + 1)
                 : vx::nonNull();
    return encode(C->getSubExpr(), Depth + 1);
  }
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return encode(EWC->getSubExpr(), Depth + 1);
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return encode(MT->getSubExpr(), Depth + 1);
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return encode(BT->getSubExpr(), Depth + 1);
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) ||
      isa<ArraySubscriptExpr>(E)) {
    bool FunctionPointer = E->getType()->isFunctionPointerType() ||
                           E->getType()->isMemberFunctionPointerType();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          !V || (!relevantVar(V) && !Types.match(V->getType())))
        return FunctionPointer ? vx::apply(ValueOp::FnPtr, {vx::unknown()})
                               : vx::unknown();
    if (auto R = placeRef(E, 0))
      if (R->Kind != HandleRef::Result) {
        std::string P = vx::place(unsigned(intern(*R)));
        if (FunctionPointer)
          return vx::apply(ValueOp::FnPtr, {P});
        // 'table[i].f': element i's initial value where f is never written.
        if (const Expr *Index = tableIndex(E)) {
          std::string I = encode(Index, Depth + 1);
          if (I != "?")
            return vx::apply(ValueOp::Elem, {P, I});
        }
        return P;
      }
    return FunctionPointer ? vx::apply(ValueOp::FnPtr, {vx::unknown()})
                           : vx::unknown();
  }
  auto unary = [&](ValueOp Op, const Expr *Sub) {
    std::string S = encode(Sub, Depth + 1);
    return S == "?" ? S : vx::apply(Op, {S});
  };
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    switch (U->getOpcode()) {
    case UO_LNot:
      return unary(ValueOp::Not, U->getSubExpr());
    case UO_Minus:
      return unary(ValueOp::Neg, U->getSubExpr());
    case UO_Not:
      return unary(ValueOp::BitNot, U->getSubExpr());
    case UO_Plus:
      return encode(U->getSubExpr(), Depth + 1);
    case UO_AddrOf:
      if (auto R = placeRef(U->getSubExpr(), 0);
          R && R->Kind != HandleRef::Result)
        return vx::apply(ValueOp::AddrOf,
                         {vx::place(unsigned(intern(*R)))});
      return vx::nonNull();
    case UO_Deref:
      if (auto R = placeRef(E, 0); R && R->Kind != HandleRef::Result)
        return vx::place(unsigned(intern(*R)));
      return vx::unknown();
    default:
      return vx::unknown();
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    // FD_ISSET(fd, &set): 'set.fds_bits[fd / NFDBITS] & mask', its bit.
    if (FdWord W; B->getOpcode() == BO_And && matchFdWord(B->getLHS(), W))
      if (const Expr *Fd = descriptorOfIndex(W.Index))
        if (std::optional<HandleRef> Set = fdSetRef(W.Set))
          if (std::optional<int> Bit = fdBit(*Set, descriptorKey(Fd)))
            return vx::place(unsigned(*Bit));
    if (B->getOpcode() == BO_Comma)
      return encode(B->getRHS(), Depth + 1);
    if (B->isAssignmentOp()) {
      // '(buf = malloc(n)) == NULL': an allocation is not null, whether or
      // not the variable's own value is followed.
      if (B->getOpcode() == BO_Assign &&
          encode(B->getRHS(), Depth + 1) == vx::nonNull())
        return vx::nonNull();
      if (auto P = storePlace(B->getLHS()))
        return vx::place(unsigned(*P));
      // '(c = connect(...)) == NULL': the handle itself is tested.
      if (Types.match(B->getLHS()->getType()))
        if (auto R = placeRef(B->getLHS(), 0); R && R->Kind != HandleRef::Result)
          return vx::place(unsigned(intern(*R)));
      return B->getOpcode() == BO_Assign ? encode(B->getRHS(), Depth + 1)
                                         : vx::unknown();
    }
    ValueOp Op;
    switch (B->getOpcode()) {
    case BO_EQ: Op = ValueOp::Eq; break;
    case BO_NE: Op = ValueOp::Ne; break;
    case BO_LT: Op = ValueOp::Lt; break;
    case BO_LE: Op = ValueOp::Le; break;
    case BO_GT: Op = ValueOp::Gt; break;
    case BO_GE: Op = ValueOp::Ge; break;
    case BO_LAnd: Op = ValueOp::LAnd; break;
    case BO_LOr: Op = ValueOp::LOr; break;
    case BO_Add: Op = ValueOp::Add; break;
    case BO_Sub: Op = ValueOp::Sub; break;
    case BO_Mul: Op = ValueOp::Mul; break;
    case BO_Div: Op = ValueOp::Div; break;
    case BO_Rem: Op = ValueOp::Rem; break;
    case BO_And: Op = ValueOp::And; break;
    case BO_Or: Op = ValueOp::Or; break;
    case BO_Xor: Op = ValueOp::Xor; break;
    case BO_Shl: Op = ValueOp::Shl; break;
    case BO_Shr: Op = ValueOp::Shr; break;
    default:
      return vx::unknown();
    }
    std::string L = encode(B->getLHS(), Depth + 1);
    std::string R = encode(B->getRHS(), Depth + 1);
    // Only '&&' and '||' can be decided with one side unknown.
    if ((L == "?" || R == "?") && Op != ValueOp::LAnd && Op != ValueOp::LOr)
      return vx::unknown();
    if (L == "?" && R == "?")
      return vx::unknown();
    return vx::apply(Op, {L, R});
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::string C = encode(CO->getCond(), Depth + 1);
    std::string T = encode(CO->getTrueExpr(), Depth + 1);
    std::string F = encode(CO->getFalseExpr(), Depth + 1);
    if (T == "?" && F == "?")
      return vx::unknown();
    return vx::apply(ValueOp::Cond, {C, T, F});
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (isProcessIdentityCall(CE))
      return vx::selfPid();
    if (isAllocatorCall(CE))
      return vx::nonNull();
    if (std::optional<int64_t> K = constantCallResult(CE, Ctx))
      return vx::constant(*K);
    // likely()/unlikely(): the value of the first argument.
    if (unsigned Id = CE->getBuiltinCallee();
        (Id == Builtin::BI__builtin_expect ||
         Id == Builtin::BI__builtin_expect_with_probability) &&
        CE->getNumArgs() >= 1)
      return encode(CE->getArg(0), Depth + 1);
    return callResult(CE);
  }
  if (const auto *S = dyn_cast<StringLiteral>(E))
    return vx::constant(stringConstant(S->getBytes()));
  if (isa<CXXThisExpr>(E) || isa<CXXNewExpr>(E))
    return vx::nonNull();
  return vx::unknown();
}

std::string ValueEncoder::condition(const CFGBlock &B) {
  const Stmt *Term = B.getTerminatorStmt();
  if (!Term || isa<CXXTryStmt>(Term) || isa<IndirectGotoStmt>(Term))
    return "";
  const auto *Cond = dyn_cast_or_null<Expr>(
      const_cast<CFGBlock &>(B).getTerminatorCondition(/*StripParens=*/false));
  if (!Cond)
    return "";
  // The block that evaluates the right operand of '&&'/'||' decides the
  // branch by that operand: control only gets there when the left one did
  // not decide it.
  for (int Depth = 0; Depth < 16; ++Depth) {
    const auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParens());
    if (!BO || !BO->isLogicalOp() || BO == Term)
      break;
    Cond = BO->getRHS();
  }
  std::string S = encode(Cond);
  return S == "?" ? "" : S;
}

} // namespace forksafe
