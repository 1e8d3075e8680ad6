// SPDX-License-Identifier: Apache-2.0
// Walks a function body's CFG and turns its statements into events: the
// calls, constructions and destructions in each element (CallEvents.cpp,
// ObjectEvents.cpp), handle assignments and value stores, and what a
// return hands back (FunctionEncoder.h).
#include "FunctionEncoder.h"

#include "FdSets.h"

#include "forksafe/ValueExpr.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <algorithm>
#include <set>

using namespace clang;

namespace forksafe {

SourceManager &FunctionEncoder::SM() const { return TU.SM; }

FunctionEncoder::FunctionEncoder(ExtractContext &TU, const FunctionDecl *FD,
                                 Function &Out)
    : TU(TU), FD(FD), Fn(Out), Refs(FD, TU.Usrs, TU.Types) {}

void FunctionEncoder::run(const Stmt *Body) {
  Refs.buildAliases(Body);
  Values =
      std::make_unique<ValueEncoder>(TU.Ctx, FD, TU.Usrs, TU.Types, Refs, Fn);
  Values->scan(Body);
  Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.AddInitializers = true;
  BO.AddImplicitDtors = true; // RAII handles closed at the end of a scope
  std::unique_ptr<CFG> G =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &TU.Ctx, BO);
  if (!G) { // clang could not build a CFG: one block, events in source order
    Fn.Blocks.resize(1);
    Fn.Entry = Fn.ExitBlock = 0;
    return;
  }
  Fn.Blocks.resize(G->getNumBlockIDs());
  Fn.Entry = G->getEntry().getBlockID();
  Fn.ExitBlock = G->getExit().getBlockID();
  for (const CFGBlock *B : *G) {
    Block &Out = Fn.Blocks[B->getBlockID()];
    CurrentBlock = B->getBlockID();
    for (const CFGElement &E : *B) {
      if (auto S = E.getAs<CFGStmt>()) {
        element(S->getStmt(), Out.Events);
      } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
        const VarDecl *V = D->getVarDecl();
        destroy(nullptr, V->getType()->getAsCXXRecordDecl(),
                D->getTriggerStmt() ? D->getTriggerStmt()->getEndLoc()
                                    : V->getLocation(),
                Out.Events, Refs.refOfVar(V));
      } else if (auto I = E.getAs<CFGInitializer>()) {
        if (I->getInitializer()->isMemberInitializer())
          memberInitializer(I->getInitializer(), Out.Events);
      } else if (auto M = E.getAs<CFGMemberDtor>()) {
        const FieldDecl *F = M->getFieldDecl();
        HandleRef R = Refs.thisRef();
        R.Path = "." + F->getNameAsString();
        destroy(nullptr, F->getType()->getAsCXXRecordDecl(),
                FD ? FD->getEndLoc() : F->getLocation(), Out.Events, R);
      }
    }
  }
  // Conditions and returned values may name calls of other blocks ('?:'
  // in a condition): every call event exists before they are encoded.
  for (const CFGBlock *B : *G) {
    labelEdges(*B, Fn.Blocks[B->getBlockID()]);
    labelReturn(*B, Fn.Blocks[B->getBlockID()]);
  }
  Values.reset();
  noteReturnedCreation();
}

void FunctionEncoder::noteReturnedCreation() {
  for (const VarDecl *V : ReturnedLocals) {
    if (Fn.ReturnsCreated)
      return;
    if (auto It = CreatedLocals.find(V); It != CreatedLocals.end()) {
      Fn.ReturnsCreated = It->second.Loc;
      Fn.ReturnsCreatedPath = It->second.Path;
      continue;
    }
    // 'MYSQL *m = mysql_init(NULL); ... d->conn = m; return d;'
    for (const MemberStore &S : MemberStores)
      if (S.Into == V)
        if (auto It = CreatedLocals.find(S.From); It != CreatedLocals.end()) {
          Fn.ReturnsCreated = It->second.Loc;
          Fn.ReturnsCreatedPath = S.Path + It->second.Path;
          break;
        }
  }
}

void FunctionEncoder::runInitializer(const VarDecl *Var,
                                     std::vector<Event> &Out) {
  // Calls inside the initializer run innermost first; the outermost one
  // initialises the variable, as if assigned in a function that runs
  // before main.
  const Expr *Init = Var->getInit();
  // 'static bool ok = (g = connect()) != nullptr;': where results go.
  Parents = std::make_unique<ParentMap>(const_cast<Expr *>(Init));
  std::vector<const CallExpr *> Calls;
  std::vector<const Stmt *> Work = {Init};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      Calls.push_back(CE);
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  // Look through what only carries the value: temporaries, and the copy or
  // move into a std wrapper ('shared_ptr<X> g = make();').
  const Expr *Top = Init;
  while (true) {
    const Expr *Next = Top->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    else if (const auto *CC = dyn_cast<CXXConstructExpr>(Next);
             CC && isStdWrapper(CC->getType()) && CC->getNumArgs() == 1)
      Next = CC->getArg(0);
    if (Next == Top)
      break;
    Top = Next;
  }
  for (auto It = Calls.rbegin(); It != Calls.rend(); ++It)
    call(*It, Out, nullptr, *It == Top ? Var : nullptr);
  // 'pqxx::connection g_conn{"..."};', objects with user constructors, and
  // 'X *g = new X(...);'.
  if (const auto *NE = dyn_cast<CXXNewExpr>(Top))
    if (const CXXConstructExpr *Inner = NE->getConstructExpr())
      Top = Inner;
  if (const auto *CC = dyn_cast<CXXConstructExpr>(Top))
    construct(CC, Out, Var);
}

FunctionEncoder::Target FunctionEncoder::targetOf(const Expr *E) const {
  // Walk up through what only wraps the value: casts, temporaries, 'new',
  // and std wrappers constructed from it ('unique_ptr<X> p(new X(...))').
  Target T;
  if (!Parents)
    return T;
  const Stmt *Child = E;
  const Stmt *P = Parents->getParent(E);
  while (P) {
    if (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
        isa<CStyleCastExpr>(P) || isa<CXXFunctionalCastExpr>(P) ||
        isa<ExprWithCleanups>(P) || isa<MaterializeTemporaryExpr>(P) ||
        isa<CXXBindTemporaryExpr>(P) || isa<CXXNewExpr>(P) ||
        isa<InitListExpr>(P) ||
        (isa<CXXConstructExpr>(P) &&
         isStdWrapper(cast<CXXConstructExpr>(P)->getType()))) {
      Child = P;
      P = Parents->getParent(P);
      continue;
    }
    break;
  }
  if (!P)
    return T;
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Assign && BO->getRHS() == Child)
      T.Assign = BO->getLHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
    // 'g_conn = std::make_unique<...>(...)' on a class type.
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Child)
      T.Assign = Op->getArg(0);
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
    // 'g_conn.reset(new X(...))', 'g_opt.emplace(...)'.
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() &&
        (M->getName() == "reset" || M->getName() == "emplace") &&
        isStdWrapper(MC->getImplicitObjectArgument()->getType()))
      T.Assign = MC->getImplicitObjectArgument();
    // 'pool.push_back(PQconnectdb(...))': an element of a container.
    static const std::set<std::string> Adds = {
        "push_back", "emplace_back", "push_front", "emplace_front", "insert"};
    if (!T.Assign && M && M->getIdentifier() &&
        Adds.count(M->getName().str()) &&
        isStdWrapper(
            MC->getImplicitObjectArgument()->IgnoreImpCasts()->getType()))
      if (auto R = Refs.resolve(MC->getImplicitObjectArgument())) {
        R->Path += "[]";
        T.Ref = R;
      }
  } else if (const auto *DS = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() == Child)
          T.Var = V;
  } else if (isa<ReturnStmt>(P)) {
    T.Return = true;
  }
  return T;
}

static bool isPlainLocalVar(const VarDecl *V) {
  return V && !isa<ParmVarDecl>(V) && !V->hasGlobalStorage();
}

void FunctionEncoder::noteMemberStore(const Expr *LHS, const Expr *RHS) {
  const auto *RD = dyn_cast<DeclRefExpr>(RHS->IgnoreParenCasts());
  const auto *From = RD ? dyn_cast<VarDecl>(RD->getDecl()) : nullptr;
  if (!isPlainLocalVar(From) || Refs.isAlias(From))
    return;
  std::optional<HandleRef> Into = Refs.resolve(LHS);
  if (!Into || Into->Kind != HandleRef::Local || Into->Path.empty())
    return;
  if (const VarDecl *Root = Refs.rootVar(LHS); Root && Root != From)
    MemberStores.push_back({From, Root, Into->Path});
}

void FunctionEncoder::noteReturnedVar(const VarDecl *V) {
  if (!FD || isa<ParmVarDecl>(V))
    return;
  QualType RT = FD->getReturnType();
  if (!RT->isPointerType() ||
      (!TU.Types.match(RT) &&
       !TU.Handles.mayHoldHandle(RT->getPointeeType(), 0)))
    return;
  HandleRef R = Refs.refOfVar(V);
  if (R.Kind != HandleRef::Local && R.Kind != HandleRef::Global)
    return;
  if (std::find(Fn.ReturnsVars.begin(), Fn.ReturnsVars.end(), R) ==
      Fn.ReturnsVars.end())
    Fn.ReturnsVars.push_back(std::move(R));
}

void FunctionEncoder::assign(const Expr *LHS, const Expr *RHS,
                             SourceLocation Loc, std::vector<Event> &Out,
                             const VarDecl *LHSVar) {
  // Only a plain value (NULL, another pointer) overwrites the handle here;
  // calls were handled when their CallExpr element was visited.
  const Expr *R = RHS ? RHS->IgnoreParenCasts() : nullptr;
  if (R && (isa<CallExpr>(R) || isa<ExprWithCleanups>(R) ||
            isa<CXXNewExpr>(R) || isa<CXXConstructExpr>(R)))
    return; // the call or construction already said what the value is
  if (LHSVar && Refs.isAlias(LHSVar))
    return;
  if (LHS) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        if (Refs.isAlias(V))
          return;
    if (R)
      if (const auto *RD = dyn_cast<DeclRefExpr>(R))
        if (const auto *RV = dyn_cast<VarDecl>(RD->getDecl()))
          if (Refs.isAlias(RV))
            return; // 'g_db = c' where c stands for g_db
  }
  QualType T = LHS ? LHS->getType() : LHSVar->getType();
  const HandleRule *HR = TU.Types.match(T);
  if (!HR)
    return;
  std::optional<HandleRef> Ref;
  if (LHS) {
    Ref = Refs.resolve(LHS);
  } else if (LHSVar) {
    HandleRef HRf;
    HRf.Kind =
        LHSVar->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
    HRf.Var = TU.Usrs.of(LHSVar->getCanonicalDecl());
    Ref = HRf;
  }
  if (!Ref || Ref->Kind == HandleRef::Param)
    return;
  if (!TU.Handles.known(Ref->key()))
    return; // never a handle anywhere we saw: do not invent one
  Event E;
  E.Kind = EventKind::Kill;
  E.Loc = TU.location(Loc);
  E.Ref = *Ref;
  E.Library = HR->Library;
  Out.push_back(std::move(E));
}

void FunctionEncoder::element(const Stmt *S, std::vector<Event> &Out) {
  elementEvents(S, Out);
  if (Values) // select()'s descriptor sets (FdSets.h)
    for (auto &[Dst, Value] : fdSetStores(S, *Values)) {
      Event E;
      E.Kind = EventKind::Assign;
      E.Loc = TU.location(S->getBeginLoc());
      E.Dst = Dst;
      E.Value = std::move(Value);
      Out.push_back(std::move(E));
    }
}

void FunctionEncoder::elementEvents(const Stmt *S, std::vector<Event> &Out) {
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    call(CE, Out, nullptr);
  } else if (const auto *CC = dyn_cast<CXXConstructExpr>(S)) {
    // Member initialisers are outside the body: their CFGInitializer
    // element handles them with the member as the target.
    if (Parents && Parents->getParent(CC))
      construct(CC, Out);
  } else if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
    QualType T = DE->getDestroyedType();
    destroy(DE->getArgument(), T.isNull() ? nullptr : T->getAsCXXRecordDecl(),
            DE->getBeginLoc(), Out);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      storeValue(UO->getSubExpr(), nullptr, nullptr, UO->getOperatorLoc(), Out,
                 UO->isIncrementOp() ? "+" : "-");
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isCompoundAssignmentOp())
      storeValue(
          BO->getLHS(), nullptr, BO->getRHS(), BO->getOperatorLoc(), Out,
          BinaryOperator::getOpcodeStr(
              BinaryOperator::getOpForCompoundAssignment(BO->getOpcode()))
              .str());
    if (BO->getOpcode() == BO_Assign) {
      noteMemberStore(BO->getLHS(), BO->getRHS());
      assign(BO->getLHS(), BO->getRHS(), BO->getOperatorLoc(), Out);
      storeValue(BO->getLHS(), nullptr, BO->getRHS(), BO->getOperatorLoc(),
                 Out);
      // 'clcf->handler = my_handler;', '*h = my_handler;' (nginx phases).
      if (const FunctionDecl *Fn = functionRef(BO->getRHS())) {
        const HookRule *H = nullptr;
        if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
          if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            H = TU.Hooks.forField(Field->getParent(), Field);
        if (!H)
          H = TU.Hooks.forType(BO->getLHS()->getType());
        if (H)
          TU.noteHook(*H, Fn, BO->getRHS()->getBeginLoc());
      }
    }
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() && !isa<ParmVarDecl>(V)) {
          assign(nullptr, V->getInit(), V->getLocation(), Out, V);
          if (!V->isStaticLocal()) // a static's initialiser runs once
            storeValue(nullptr, V, V->getInit(), V->getLocation(), Out);
        }
  } else if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *RV = RS->getRetValue();
        RV && FD && isFunctionPointerType(FD->getReturnType()))
      TU.Slots.noteSlotStore(RV, TU.Usrs.of(FD->getCanonicalDecl()) + "#r");
    if (const Expr *RV = RS->getRetValue())
      if (auto R = Refs.resolve(RV))
        if (R->Kind == HandleRef::Global && TU.Types.match(RV->getType()) &&
            !Fn.ReturnsRef)
          Fn.ReturnsRef = *R;
    if (const Expr *RV = RS->getRetValue())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(RV->IgnoreParenCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
          ReturnedLocals.push_back(V);
          noteReturnedVar(V);
        }
  }
}

void FunctionEncoder::storeValue(const Expr *LHS, const VarDecl *LHSVar,
                                 const Expr *RHS, SourceLocation Loc,
                                 std::vector<Event> &Out, std::string Op) {
  if (!Values)
    return;
  std::optional<int> Dst =
      LHS ? Values->storePlace(LHS) : Values->storePlace(LHSVar);
  if (!Dst)
    return;
  std::string Old = vx::place(unsigned(*Dst));
  std::string Value;
  if (Op.empty()) {
    Value = RHS ? Values->encode(RHS) : vx::unknown();
    if (Value == Old)
      return; // a call's event already stores its result there
  } else {
    // 'x += e', 'x++': the operator applied to the old value.
    std::string Operand = RHS ? Values->encode(RHS) : vx::constant(1);
    std::optional<ValueOp> VO = binaryOpSpelled(Op);
    Value =
        Operand == "?" || !VO ? vx::unknown() : vx::apply(*VO, {Old, Operand});
  }
  Event E;
  E.Kind = EventKind::Assign;
  E.Loc = TU.location(Loc);
  E.Dst = *Dst;
  E.Value = std::move(Value);
  Out.push_back(std::move(E));
}

} // namespace forksafe
