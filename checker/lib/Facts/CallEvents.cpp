// SPDX-License-Identifier: Apache-2.0
// Turns a call into events: a fork, an exit, a pthread_atfork registration,
// the handle events of the rules for the callee, or a call of a user
// function with its arguments, the values and function pointers it passes
// and, for an indirect call, what the callee can be (FunctionEncoder.h).
#include "FunctionEncoder.h"

#include "ProcessModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace forksafe {
namespace {

/// The array element a callee is loaded from ('list[i]->tidy',
/// 'tab[i].fn', 'handlers[i]'): the subscript, and the field called
/// through (null for an array of function pointers).
const ArraySubscriptExpr *calledElement(const Expr *E, const FieldDecl *&Field) {
  Field = nullptr;
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return AS;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!Field)
        Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      E = ME->getBase();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      E = U->getSubExpr();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// 'handlers[i]', 'events[i].cb': all elements of an array are one place
/// whose value is the last one stored, which is no function to call.
bool throughArrayElement(const Expr *E) {
  const FieldDecl *Field;
  return calledElement(E, Field) != nullptr;
}

const VarDecl *counterOf(const ArraySubscriptExpr *AS) {
  const auto *DRE = dyn_cast<DeclRefExpr>(AS->getIdx()->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasLocalStorage() ? V : nullptr;
}

bool mentions(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == V)
    return true;
  for (const Stmt *C : S->children())
    if (mentions(C, V))
      return true;
  return false;
}

/// Whether S can leave the loop early or write the counter: a break,
/// return or goto anywhere in it, or a store to V.
bool exitsEarlyOrWrites(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S) || isa<ReturnStmt>(S) || isa<GotoStmt>(S) ||
      isa<IndirectGotoStmt>(S))
    return true;
  const Expr *Written = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    Written = BO->getLHS();
  else if (const auto *U = dyn_cast<UnaryOperator>(S);
           U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
    Written = U->getSubExpr();
  if (Written)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Written->IgnoreParenImpCasts());
        DRE && DRE->getDecl() == V)
      return true;
  for (const Stmt *C : S->children())
    if (exitsEarlyOrWrites(C, V))
      return true;
  return false;
}

/// 'if (list[i]->tidy)', 'if (list[i] && list[i]->tidy != NULL)': tests
/// that the element, or the called pointer in it, is set, which skip only
/// elements with nothing to call.
bool testsCalledPointer(const Expr *Cond, const FieldDecl *Field,
                        const VarDecl *Counter) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() == BO_LAnd)
      return testsCalledPointer(BO->getLHS(), Field, Counter) &&
             testsCalledPointer(BO->getRHS(), Field, Counter);
    if (BO->getOpcode() == BO_NE &&
        BO->getRHS()->isNullPointerConstant(
            Counter->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
      Cond = BO->getLHS()->IgnoreParenImpCasts();
  }
  const FieldDecl *F = nullptr;
  const ArraySubscriptExpr *AS = calledElement(Cond, F);
  return AS && (F == Field || !F) && counterOf(AS) == Counter;
}

} // namespace

/// A call of each element's function: the callee is loaded from the element
/// that the counter of the innermost enclosing for loop indexes, the call
/// is on every iteration's path (only a test that the pointer is set may
/// guard it), and nothing in the loop leaves it early or writes the
/// counter: 'for (i = 0; i < n; i++) if (list[i]->tidy) list[i]->tidy();'.
bool callsEachElement(const CallExpr *CE, const ParentMap &Parents) {
  const FieldDecl *Field = nullptr;
  const ArraySubscriptExpr *AS = calledElement(CE->getCallee(), Field);
  const VarDecl *Counter = AS ? counterOf(AS) : nullptr;
  if (!Counter)
    return false;
  const Stmt *Child = CE;
  for (int Depth = 0; Depth < 32; ++Depth) {
    const Stmt *Parent = Parents.getParent(Child);
    if (!Parent)
      return false;
    if (const auto *For = dyn_cast<ForStmt>(Parent)) {
      return Child == For->getBody() && mentions(For->getCond(), Counter) &&
             mentions(For->getInc(), Counter) &&
             !exitsEarlyOrWrites(For->getBody(), Counter);
    }
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (Child != If->getThen() || If->getInit() ||
          !testsCalledPointer(If->getCond(), Field, Counter))
        return false;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(Parent)) {
      if (!BO->isAssignmentOp() && BO->getOpcode() != BO_Comma)
        return false; // '&&', '||': called on some iterations only
    } else if (!isa<CompoundStmt>(Parent) && !isa<ParenExpr>(Parent) &&
               !isa<CastExpr>(Parent) && !isa<ExprWithCleanups>(Parent)) {
      return false;
    }
    Child = Parent;
  }
  return false;
}

bool guardsEachElementCall(const Stmt *Term, const ParentMap &Parents) {
  // From a '&&' of the condition up to its 'if'.
  const Stmt *S = Term;
  for (int Depth = 0; S && !isa<IfStmt>(S) && Depth < 16; ++Depth) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!BO && !isa<ParenExpr>(S) && !isa<CastExpr>(S))
      return false;
    if (BO && BO->getOpcode() != BO_LAnd)
      return false;
    S = Parents.getParent(S);
  }
  const auto *If = dyn_cast_or_null<IfStmt>(S);
  if (!If || If->getElse())
    return false;
  const Stmt *Then = If->getThen();
  while (const auto *CS = dyn_cast_or_null<CompoundStmt>(Then)) {
    if (CS->size() != 1)
      return false;
    Then = CS->body_front();
  }
  const auto *E = dyn_cast_or_null<Expr>(Then);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(
          E ? E->IgnoreParenImpCasts() : nullptr);
      BO && BO->isAssignmentOp())
    E = BO->getRHS();
  const auto *CE = dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return CE && !CE->getDirectCallee() && callsEachElement(CE, Parents);
}

void FunctionEncoder::noteAssignedResult(Event &E, const HandleRef &R,
                                         const VarDecl *Root, QualType T) {
  if (TU.Types.match(T)) {
    E.AssignTo = R;
    TU.Handles.noteHandle(R, Root, T, "");
    return;
  }
  // 'sess = db_open(...)' where db_open() returns a struct whose member it
  // connected: the members of what 'sess' points to are handles.
  if (!T->isPointerType() || R.Kind == HandleRef::Result ||
      R.Kind == HandleRef::Param)
    return;
  QualType Pointee = T->getPointeeType();
  const RecordDecl *Rec = Pointee->getAsRecordDecl();
  if (!Rec)
    return;
  if (!Rec->getDefinition()) {
    // 'static pr_memcache_t *sess;' with the struct defined only in the
    // layer's own file: linking learns its members from the factory.
    if (Root && Root->hasGlobalStorage()) {
      E.AssignTo = R;
      TU.Handles.noteOpaqueRoot(R, Root, T);
    }
    return;
  }
  if (!TU.Handles.mayHoldHandle(Pointee, 0))
    return;
  E.AssignTo = R;
  TU.Handles.noteHandleMembers(R, Root, Pointee, 0);
}

void FunctionEncoder::call(const CallExpr *CE, std::vector<Event> &Out,
                           const Expr *AssignTarget, const VarDecl *TargetVar) {
  ASTContext &Ctx = TU.Ctx;
  SourceLocation Loc = CE->getBeginLoc();
  bool Returned = false;
  std::optional<HandleRef> TargetRef;
  if (!AssignTarget && !TargetVar) {
    Target T = targetOf(CE);
    AssignTarget = T.Assign;
    TargetVar = T.Var;
    Returned = T.Return;
    TargetRef = T.Ref;
  }

  // Where the call's value goes: a recorded place, for the analysis.
  int ResultPlace = -1;
  if (Values) {
    std::optional<int> P = AssignTarget ? Values->storePlace(AssignTarget)
                           : TargetVar  ? Values->storePlace(TargetVar)
                                        : std::nullopt;
    ResultPlace = P.value_or(-1);
  }

  if (auto FC = classifyFork(CE, Ctx, &TU.Options.ExtraForkFunctions)) {
    Event E;
    E.Kind = EventKind::Fork;
    E.Loc = TU.location(Loc);
    E.Fork = FC->Kind;
    E.ForkApi = FC->Api;
    E.Result = ResultPlace;
    if (FC->ChildFn) {
      E.Callee = TU.Usrs.of(FC->ChildFn->getCanonicalDecl());
      E.CalleeName = FC->ChildFn->getQualifiedNameAsString();
    }
    pushCall(CE, std::move(E), Out);
    return;
  }
  if (isProcessIdentityCall(CE))
    return; // a value (ValueEncoder), not an event
  if (auto Handlers = classifyAtFork(CE)) {
    Event E;
    E.Kind = EventKind::AtFork;
    E.Loc = TU.location(Loc);
    auto usr = [&](const FunctionDecl *F) {
      return F ? TU.Usrs.of(F->getCanonicalDecl()) : std::string();
    };
    E.Prepare = usr(Handlers->Prepare);
    E.Parent = usr(Handlers->Parent);
    E.Child = usr(Handlers->Child);
    Out.push_back(std::move(E));
    return;
  }
  if (functionObjectCall(CE, Out))
    return;
  std::string ExitApi;
  if (auto EK = classifyExit(CE, ExitApi)) {
    Event E;
    E.Kind = EventKind::Exit;
    E.Loc = TU.location(Loc);
    E.Exit = *EK;
    E.Api = ExitApi;
    Out.push_back(std::move(E));
    return;
  }
  if (isAssertionFailure(CE, Ctx)) {
    // Ends the path like abort(): no exit-time destructors either.
    Event E;
    E.Kind = EventKind::Exit;
    E.Loc = TU.location(Loc);
    E.Exit = ExitKind::RawExit;
    E.Api = "assertion failure";
    Out.push_back(std::move(E));
    return;
  }

  const FunctionDecl *Callee = CE->getDirectCallee();
  std::string Name = Callee ? TU.ruleNameOf(Callee) : "";
  if (!Callee)
    // Methods of C "objects" are function-pointer fields: Berkeley DB's
    // 'dbp->get(dbp, ...)' is named '__db::get' in the rules.
    if (const auto *ME =
            dyn_cast<MemberExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Name = FD->getQualifiedNameAsString();
  // 'ap_hook_child_init(child_init, NULL, NULL, APR_HOOK_MIDDLE)'.
  if (!TU.Hooks.empty() && TU.Hooks.registers(Name))
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (const HookRule *H = TU.Hooks.forRegister(Name, I)) {
        const FunctionDecl *Fn = functionRef(CE->getArg(I));
        TU.noteHook(*H, Fn, CE->getArg(I)->getBeginLoc());
        // 'fork_basic_timer(PROC_TIMER, "desc", 1, fn, NULL, 10)' forks
        // here: the child runs fn with what this process holds now, like
        // clone(fn, ...). At the binding's location, which the engine
        // looks the binding up by.
        if (H->ForksHere && Fn) {
          Event E;
          E.Kind = EventKind::Fork;
          E.Loc = TU.location(CE->getArg(I)->getBeginLoc());
          E.Fork = ForkKind::Clone;
          E.ForkApi = Name + "()";
          E.Result = ResultPlace;
          E.Callee = TU.Usrs.of(Fn->getCanonicalDecl());
          E.CalleeName = Fn->getQualifiedNameAsString();
          pushCall(CE, std::move(E), Out);
          return;
        }
      }
  // The object a member function runs on, if any.
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Object = MC->getImplicitObjectArgument();
  else if (Method && !Method->isStatic() && isa<CXXOperatorCallExpr>(CE) &&
           CE->getNumArgs() > 0)
    Object = CE->getArg(0);
  std::string Class =
      Method && !Method->isStatic() ? ruleName(Method->getParent()) : "";

  Target T;
  T.Assign = AssignTarget;
  T.Var = TargetVar;
  T.Return = Returned;
  T.Ref = TargetRef;
  CalledName = Name;
  if (const auto *Rules = TU.Rules.functionsFor(Name, Class)) {
    for (const FunctionRule &Rule : *Rules) {
      const Expr *HandleExpr = nullptr;
      if (Rule.HandleArg >= 0 && unsigned(Rule.HandleArg) < CE->getNumArgs())
        HandleExpr = CE->getArg(Rule.HandleArg);
      else if (Rule.HandleArg == FunctionRule::ThisObject)
        HandleExpr = Object;
      ruleEvent(Rule, Loc, HandleExpr, T, Out);
    }
    return;
  }
  // std::make_unique<pqxx::connection>(...) constructs inside a system
  // header we do not extract: treat it as the class's constructor.
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      (Callee->getName() == "make_unique" ||
       Callee->getName() == "make_shared" ||
       Callee->getName() == "make_optional")) {
    QualType Made = wrappedType(CE->getType());
    if (!Made.isNull())
      if (const auto *RD = Made->getAsCXXRecordDecl()) {
        std::string Ctor = ruleName(RD) + "::" + RD->getNameAsString();
        if (const auto *Rules = TU.Rules.functions(Ctor)) {
          for (const FunctionRule &Rule : *Rules)
            if (Rule.HandleArg == FunctionRule::ThisObject)
              ruleEvent(Rule, Loc, nullptr, T, Out);
          return;
        }
      }
  }

  // Library code we do not extract: only its noreturn-ness matters.
  if (Callee && SM().isInSystemHeader(Callee->getLocation())) {
    if (Callee->isNoReturn()) {
      Event E;
      E.Kind = EventKind::Exit;
      E.Loc = TU.location(Loc);
      E.Exit = ExitKind::RawExit;
      E.Api = Name;
      Out.push_back(std::move(E));
    }
    return;
  }

  // A user function (or a library function with no rule).
  Event E;
  E.Kind = EventKind::Call;
  E.Loc = TU.location(Loc);
  E.NoReturn = Callee && Callee->isNoReturn();
  E.Result = ResultPlace;
  if (Callee) {
    E.Callee = TU.Usrs.of(Callee->getCanonicalDecl());
    E.CalleeName = Name;
    if (Method)
      E.Virtual = Method->isVirtual() && !isa<CXXOperatorCallExpr>(CE);
  } else {
    QualType QT = CE->getCallee()->getType();
    if (const auto *PT = QT->getAs<PointerType>())
      QT = PT->getPointeeType();
    E.IndirectSig = QT.getCanonicalType().getAsString();
    E.IndirectVia = TU.Slots.slotName(CE->getCallee());
    E.EachElement = Parents && callsEachElement(CE, *Parents);
    if (Values)
      if (auto [Table, Index] = TU.Tables.tableElement(CE->getCallee());
          Index) {
        std::string V = Values->encode(Index);
        if (V != "?") {
          E.IndirectTable = std::move(Table);
          E.IndirectIndex = std::move(V);
        }
      }
    if (Values) {
      // '(*handler)(args)' calls what 'handler' holds.
      const Expr *Called = CE->getCallee()->IgnoreParenImpCasts();
      while (const auto *U = dyn_cast<UnaryOperator>(Called)) {
        if (U->getOpcode() != UO_Deref)
          break;
        Called = U->getSubExpr()->IgnoreParenImpCasts();
      }
      if (!throughArrayElement(Called))
        if (std::string V = Values->encode(Called); V != "fnp(?)" && V != "?")
          E.CalleeValue = std::move(V);
    }
    E.CalleeName = "function pointer";
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      E.CalleeName = DRE->getDecl()->getNameAsString();
  }
  if (Object)
    if (auto R = Refs.resolve(Object))
      E.Args.push_back({-1, *R}); // 'this'
  unsigned First = isa<CXXOperatorCallExpr>(CE) && Method ? 1 : 0;
  for (unsigned I = First; I < CE->getNumArgs(); ++I) {
    const Expr *Arg = CE->getArg(I);
    QualType AT = Arg->getType();
    if (!AT->isPointerType() && !AT->isReferenceType() && !TU.Types.match(AT) &&
        !AT->isRecordType())
      continue;
    if (auto R = Refs.resolve(Arg))
      E.Args.push_back({int(I - First), *R});
  }
  if (AssignTarget) {
    if (auto R = Refs.resolve(AssignTarget))
      noteAssignedResult(E, *R, Refs.rootVar(AssignTarget),
                         AssignTarget->getType());
  } else if (TargetVar) {
    noteAssignedResult(E, Refs.refOfVar(TargetVar), Refs.rootVar(TargetVar),
                       TargetVar->getType());
  }
  if (Callee && Returned)
    Fn.ReturnsCallResultOf.push_back(E.Callee);
  argumentValues({CE->getArgs(), CE->getNumArgs()}, First, E);
  pushCall(CE, std::move(E), Out);
}

void FunctionEncoder::pushCall(const CallExpr *CE, Event E,
                               std::vector<Event> &Out) {
  Out.push_back(std::move(E));
  if (Values)
    Values->noteCallEvent(CE, CurrentBlock, unsigned(Out.size() - 1));
}

void FunctionEncoder::argumentValues(llvm::ArrayRef<const Expr *> Args,
                                     unsigned First, Event &E) {
  for (unsigned I = First; I < Args.size(); ++I) {
    const Expr *Arg = Args[I];
    int Index = int(I - First);
    if (isFunctionPointerType(Arg->getType())) {
      // Where a function pointer argument comes from: the callees'
      // parameter slots receive it (checker/lib/Analysis/PointsTo.cpp).
      E.SlotArgs.push_back({Index, TU.Slots.slotSource(Arg)});
      // And the function itself, where known: a callee that calls its
      // parameter calls what this caller passes.
      if (Values)
        if (!throughArrayElement(Arg))
          if (std::string V = Values->encode(Arg); V != "?" && V != "fnp(?)")
            E.ArgValues.push_back({Index, V});
      continue;
    }
    if (isDataPointerType(Arg->getType()))
      if (std::string Source = TU.Slots.dataSource(Arg); !Source.empty())
        E.SlotArgs.push_back({Index, Source});
    if (!Values) // a global's initialiser: no values to follow
      continue;
    std::string V = Values->encode(Arg);
    if (V != "?")
      E.ArgValues.push_back({Index, V});
    if (V.compare(0, 5, "addr(") == 0)
      if (const auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts()))
        TU.ModelledAddressArgs.insert(U);
  }
}

bool FunctionEncoder::functionObjectCall(const CallExpr *CE,
                                         std::vector<Event> &Out) {
  // 'fn()' on a std::function: a call through whatever was stored into it.
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return false;
  const Expr *Object = Op->getArg(0)->IgnoreParenImpCasts();
  QualType Sig = functionObjectSignature(Object->getType());
  if (Sig.isNull())
    return false;
  Event E;
  E.Kind = EventKind::Call;
  E.Loc = TU.location(CE->getBeginLoc());
  E.IndirectSig = Sig.getCanonicalType().getAsString();
  E.IndirectVia = TU.Slots.slotName(Object);
  E.CalleeName = "function object";
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Object))
    E.CalleeName = DRE->getDecl()->getNameAsString();
  else if (const auto *ME = dyn_cast<MemberExpr>(Object))
    E.CalleeName = ME->getMemberDecl()->getNameAsString();
  if (Values) {
    Target T = targetOf(CE);
    std::optional<int> P = T.Assign ? Values->storePlace(T.Assign)
                           : T.Var  ? Values->storePlace(T.Var)
                                    : std::nullopt;
    E.Result = P.value_or(-1);
  }
  for (unsigned I = 1; I < CE->getNumArgs(); ++I)
    if (auto R = Refs.resolve(CE->getArg(I)))
      E.Args.push_back({int(I - 1), *R});
  argumentValues({CE->getArgs(), CE->getNumArgs()}, 1, E);
  pushCall(CE, std::move(E), Out);
  return true;
}

} // namespace forksafe
