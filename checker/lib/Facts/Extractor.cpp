// SPDX-License-Identifier: Apache-2.0
// Walks a TU once: every function body becomes a compact CFG of handle,
// call, fork and exit events (clang's CFG gives the order and the branches);
// handle variables are recorded with their definition and NOLINT comments.
#include "forksafe/Extract.h"

#include "ConstantEval.h"
#include "ExtractContext.h"
#include "FdSets.h"
#include "FixFacts.h"
#include "HandleRefs.h"
#include "Hooks.h"
#include "ProcessModel.h"
#include "StaticTables.h"
#include "ValueEncoder.h"

#include "forksafe/ValueExpr.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <functional>
#include <set>

using namespace clang;

namespace forksafe {
namespace {

std::string calleeNameOf(const FunctionDecl *FD) {
  return FD ? ruleName(FD) : "";
}

/// Encodes one function body.
class FunctionExtractor {
public:
  FunctionExtractor(ExtractContext &TU, const FunctionDecl *FD, Function &Out);
  void run(const Stmt *Body);
  /// Events of a global's dynamic initializer (no CFG: straight-line).
  void runInitializer(const VarDecl *Var, std::vector<Event> &Out);
  /// The destruction of a static object at exit.
  void runStaticDestructor(const VarDecl *Var, std::vector<Event> &Out);

private:
  void element(const Stmt *S, std::vector<Event> &Out);
  void elementEvents(const Stmt *S, std::vector<Event> &Out);
  /// AssignTarget/TargetVar: where the call's result is stored, if known.
  void call(const CallExpr *CE, std::vector<Event> &Out,
            const Expr *AssignTarget, const VarDecl *TargetVar = nullptr);
  void assign(const Expr *LHS, const Expr *RHS, SourceLocation Loc,
              std::vector<Event> &Out, const VarDecl *LHSVar = nullptr);
  void labelEdges(const CFGBlock &B, Block &Out);
  void labelReturn(const CFGBlock &B, Block &Out);
  /// A store of RHS (or of Op applied to the old value) into a value place.
  void storeValue(const Expr *LHS, const VarDecl *LHSVar, const Expr *RHS,
                  SourceLocation Loc, std::vector<Event> &Out,
                  std::string Value = "");
  /// The argument values and function-pointer arguments of a user call.
  void argumentValues(llvm::ArrayRef<const Expr *> Args, unsigned First,
                      Event &E);
  /// A call through a std::function object ('fn()'), as an indirect call.
  bool functionObjectCall(const CallExpr *CE, std::vector<Event> &Out);
  void pushCall(const CallExpr *CE, Event E, std::vector<Event> &Out);
  /// Where the value of E ends up: assigned to an lvalue, initialising a
  /// variable, or returned.
  struct Target {
    const Expr *Assign = nullptr;
    const VarDecl *Var = nullptr;
    bool Return = false;
    std::optional<HandleRef> Ref; // a member initialiser's 'this->member'
  };
  Target targetOf(const Expr *E) const;
  void construct(const CXXConstructExpr *CE, std::vector<Event> &Out,
                 const VarDecl *TargetVar = nullptr,
                 std::optional<HandleRef> TargetRef = std::nullopt);
  void memberInitializer(const CXXCtorInitializer *Init,
                         std::vector<Event> &Out);
  void destroyObject(QualType T, const HandleRef &R, SourceLocation Loc,
                     std::vector<Event> &Out, int Depth);
  void destroy(const Expr *Object, const CXXRecordDecl *Class,
               SourceLocation Loc, std::vector<Event> &Out,
               std::optional<HandleRef> Ref = std::nullopt);
  void ruleEvent(const FunctionRule &Rule, SourceLocation Loc,
                 const Expr *HandleExpr, const Target &T,
                 std::vector<Event> &Out);
  void handleEvent(EventKind K, const HandleRef &R, const FunctionRule &Rule,
                   SourceLocation Loc, std::vector<Event> &Out,
                   const VarDecl *Root, QualType T, bool Once = false);
  std::string CalledName; // the function being called, for notes


  SourceManager &SM() const;
  ExtractContext &TU;
  const FunctionDecl *FD;
  Function &Fn;
  RefResolver Refs;
  std::unique_ptr<ValueEncoder> Values; // null outside a function body
  unsigned CurrentBlock = 0;
  std::unique_ptr<ParentMap> Parents;
  std::map<const VarDecl *, Location> CreatedLocals;
  std::vector<const VarDecl *> ReturnedLocals;
};

class TUExtractor : public RecursiveASTVisitor<TUExtractor> {
public:
  TUExtractor(ASTContext &Ctx, const RuleSet &Rules, const ExtractOptions &O)
      : TU(Ctx, Rules, O) {}

  /// 'ngx_module_t m = { NGX_MODULE_V1, ..., init_module, init_process, ...}'
  /// and arrays of such structs (Kamailio's cmd_export_t cmds[]).
  void hooksInInitializer(const Expr *E, QualType T, int Depth) {
    if (!E || Depth > 6 || TU.Hooks.empty())
      return;
    const auto *ILE = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
    if (!ILE)
      return;
    if (ILE->isSemanticForm() == false && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    if (const auto *AT = TU.Ctx.getAsArrayType(T)) {
      for (unsigned I = 0; I < ILE->getNumInits(); ++I)
        hooksInInitializer(ILE->getInit(I), AT->getElementType(), Depth + 1);
      return;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD || !RD->getDefinition())
      return;
    unsigned I = 0;
    for (const FieldDecl *F : RD->getDefinition()->fields()) {
      if (I >= ILE->getNumInits())
        break;
      const Expr *Init = ILE->getInit(I++);
      if (const FunctionDecl *Fn = functionRef(Init)) {
        if (const HookRule *H = TU.Hooks.forField(RD, F))
          TU.noteHook(*H, Fn, Init->getBeginLoc());
      } else {
        hooksInInitializer(Init, F->getType(), Depth + 1);
      }
    }
  }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitTypedefNameDecl(TypedefNameDecl *TD) {
    TU.Types.noteTypedef(TD);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (const Expr *Callee = CE->getCallee())
      DirectCallees.insert(Callee->IgnoreParenImpCasts());
    if (const FunctionDecl *FD = CE->getDirectCallee();
        FD && TU.SM.isInSystemHeader(FD->getLocation()) &&
        !TU.SM.isInSystemHeader(CE->getBeginLoc()))
      Writes.noteLibraryCall(CE);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    // A function named outside a call's callee position has its address
    // taken: it may be called through a pointer. Unless it was only stored
    // into a function-pointer field or variable (seen first: parents are
    // visited before children), any indirect call of its type may reach it.
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (!DirectCallees.count(DRE)) {
        AddressTaken.insert(FD->getCanonicalDecl());
        if (!TU.Slots.isStoredRef(DRE))
          Escaped.insert(FD->getCanonicalDecl());
      }
    return true;
  }

  // Function-pointer slots: 'x.f = fn', '{.f = fn}', 'fp = fn',
  // 'table[] = {fn, ...}'.
  bool VisitInitListExpr(InitListExpr *ILE) {
    const InitListExpr *Sem =
        ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem || Sem->getType().isNull() ||
        TU.SM.isInSystemHeader(ILE->getBeginLoc()))
      return true;
    const RecordDecl *RD = Sem->getType()->getAsRecordDecl();
    if (!RD)
      return true;
    if (const FieldDecl *U = Sem->getInitializedFieldInUnion()) {
      if (Sem->getNumInits() == 1 && isFunctionPointerType(U->getType()))
        TU.Slots.noteSlotStore(Sem->getInit(0), TU.Slots.slotUsr(U));
      return true;
    }
    unsigned I = 0;
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      I = CXX->hasDefinition() ? CXX->getNumBases() : 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= Sem->getNumInits())
        break;
      const Expr *Init = Sem->getInit(I++);
      if (isFunctionPointerType(F->getType()))
        TU.Slots.noteSlotStore(Init, TU.Slots.slotUsr(F));
      else if (isDataPointerType(F->getType()))
        TU.Slots.noteDataStore(Init, TU.Slots.slotUsr(F));
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (TU.SM.isInSystemHeader(BO->getOperatorLoc()))
      return true;
    Writes.note(BO);
    const Expr *Stored = BO->getLHS();
    if (const Expr *Pointer = functionPointerBehindCast(Stored))
      Stored = Pointer;
    if (BO->getOpcode() == BO_Assign &&
        isFunctionPointerType(Stored->getType())) {
      if (std::string Slot = TU.Slots.slotName(Stored); !Slot.empty())
        TU.Slots.noteSlotStore(BO->getRHS(), Slot);
      // 'table[i].fn = f': the table's elements are not what it was
      // initialised with.
      if (const VarDecl *V = rootGlobal(BO->getLHS()))
        TU.Tables.noteWritten(V);
    } else if (BO->getOpcode() == BO_Assign &&
               isDataPointerType(BO->getLHS()->getType())) {
      TU.Slots.noteDataStore(BO->getRHS(), TU.Slots.slotName(BO->getLHS()));
    }
    return true;
  }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *AS) {
    IndexedBases.insert(AS->getBase());
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *IC) {
    // An array handed on as a pointer can be written through it: its
    // elements are no table (indexing it is not handing it on).
    if (IC->getCastKind() == CK_ArrayToPointerDecay && !IndexedBases.count(IC))
      if (const VarDecl *V = rootGlobal(IC->getSubExpr()))
        TU.Tables.noteWritten(V);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (!TU.SM.isInSystemHeader(UO->getOperatorLoc()))
      Writes.note(UO);
    // '&g' (also '&g.f'): another name can write g, so its initial value
    // is not its value when a branch tests it.
    if (UO->getOpcode() == UO_AddrOf && !TU.ModelledAddressArgs.count(UO))
      if (const VarDecl *V = rootGlobal(UO->getSubExpr()))
        (InTableInitializer ? TableAddressedGlobals : AddressTakenGlobals)
            .insert(TU.Usrs.of(V->getCanonicalDecl()));
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isInvalidDecl())
      return true;
    if (TU.SM.isInSystemHeader(FD->getLocation()))
      return true;
    for (const HookRule *H : TU.Hooks.forFunction(FD))
      TU.noteHook(*H, FD, FD->getLocation());
    // 'Pool(std::function<void(int)> f) : body_(std::move(f)) {}'.
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (const FieldDecl *F = Init->getMember(); F && Init->getInit()) {
          if (isFunctionPointerType(F->getType()))
            TU.Slots.noteSlotStore(Init->getInit(), TU.Slots.slotUsr(F));
          else if (isDataPointerType(F->getType()))
            TU.Slots.noteDataStore(Init->getInit(), TU.Slots.slotUsr(F));
        }
    extractFunction(FD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (CXXMethodDecl *Op = LE->getCallOperator())
      if (!Op->isDependentContext())
        extractFunction(Op);
    return true;
  }

  // '&g' in the initialiser of a file-scope array (a parameter table) makes
  // g a configuration value, not an escaped global (TUFacts).
  bool TraverseVarDecl(VarDecl *V) {
    bool Table = V->hasGlobalStorage() && !V->isStaticLocal() &&
                 V->getDeclContext()->isFileContext() &&
                 V->getType()->isArrayType();
    InTableInitializer += Table;
    bool Result = RecursiveASTVisitor::TraverseVarDecl(V);
    InTableInitializer -= Table;
    return Result;
  }

  bool VisitVarDecl(VarDecl *V) {
    // A global handle's definition may sit in a TU that never uses it (db.c
    // defines, init.c connects): record it so findings point at it. Objects
    // are recorded with their handle members ('g_app.db.conn'), which their
    // constructors and methods reach through 'this'.
    if (!isa<ParmVarDecl>(V) && !V->getDeclContext()->isDependentContext() &&
        !TU.SM.isInSystemHeader(V->getLocation()) &&
        (!V->hasGlobalStorage() ||
         V->isThisDeclarationADefinition() != VarDecl::DeclarationOnly)) {
      HandleRef R;
      R.Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
      if ((R.Kind == HandleRef::Global || TU.Options.LocalHandles) &&
          TU.Handles.mayHoldHandle(V->getType(), 0)) {
        R.Var = TU.Usrs.of(V->getCanonicalDecl());
        TU.Handles.noteHandleMembers(R, V, V->getType(), 0);
      }
    }
    noteStaticDestructor(V);
    if (V->getInit() && !isa<ParmVarDecl>(V) &&
        isFunctionPointerType(V->getType()))
      TU.Slots.noteSlotStore(V->getInit(), TU.Slots.slotUsr(V));
    else if (V->getInit() && !isa<ParmVarDecl>(V) &&
             isDataPointerType(V->getType()) &&
             !TU.SM.isInSystemHeader(V->getLocation()))
      TU.Slots.noteDataStore(V->getInit(), TU.Slots.slotUsr(V));
    noteGlobalInit(V);
    if (V->hasGlobalStorage() && !isa<ParmVarDecl>(V) &&
        V->isThisDeclarationADefinition() != VarDecl::DeclarationOnly &&
        !TU.SM.isInSystemHeader(V->getLocation())) {
      TU.Tables.noteTable(V);
      noteElementInits(V, TU.Ctx, TU.Usrs, TU.Types, ElementInits, ElementTypes);
    }
    if (V->getInit() && !isa<ParmVarDecl>(V) &&
        !TU.SM.isInSystemHeader(V->getLocation()))
      hooksInInitializer(V->getInit(), V->getType(), 0);
    if (isa<ParmVarDecl>(V) || V->isStaticLocal() || !V->hasGlobalStorage() ||
        V->isInvalidDecl() || !V->getInit() || V->getDeclContext()->isDependentContext())
      return true;
    if (TU.SM.isInSystemHeader(V->getLocation()))
      return true;
    // Constant initialisation runs no code; only a dynamic initialiser (C++)
    // can create a handle before main.
    if (!TU.Ctx.getLangOpts().CPlusPlus || V->hasConstantInitialization())
      return true;
    Function Dummy;
    FunctionExtractor FE(TU, nullptr, Dummy);
    FE.runInitializer(V, StaticInit);
    return true;
  }

  /// A scalar global's (or a global struct's scalar members') initial value:
  /// what a branch on it sees until something stores into it. Volatile
  /// objects can change at any time: they have none, as if escaped.
  void noteGlobalInit(const VarDecl *V) {
    if (!V->hasGlobalStorage() || isa<ParmVarDecl>(V) ||
        V->isThisDeclarationADefinition() == VarDecl::DeclarationOnly ||
        V->getDeclContext()->isDependentContext() || V->isInvalidDecl() ||
        V->getTLSKind() != VarDecl::TLS_None ||
        TU.SM.isInSystemHeader(V->getLocation()))
      return;
    const std::string &Usr = TU.Usrs.of(V->getCanonicalDecl());
    if (V->getType().isVolatileQualified()) {
      AddressTakenGlobals.insert(Usr);
      return;
    }
    initialValues(Usr, V->getType(), V->getInit(), 0);
  }

  void initialValues(const std::string &Key, QualType T, const Expr *Init,
                     int Depth) {
    if (Depth > 2 || T.isNull() || T.isVolatileQualified())
      return;
    if (Init)
      Init = Init->IgnoreParenImpCasts();
    if (T->isIntegralOrEnumerationType() || T->isPointerType() ||
        T->isBooleanType()) {
      if (TU.Types.match(T))
        return; // handles are not values
      if (!Init) {
        GlobalInits[Key] = 0;
        return;
      }
      if (T->isPointerType()) {
        if (isNullConstant(Init, TU.Ctx))
          GlobalInits[Key] = 0;
      } else if (std::optional<int64_t> V = constantInt(Init, TU.Ctx)) {
        GlobalInits[Key] = *V;
      }
      return;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD || !RD->getDefinition() || RD->isUnion() || isa<CXXRecordDecl>(RD))
      return; // C structs only: a C++ object's constructor sets its members
    const auto *ILE = dyn_cast_or_null<InitListExpr>(Init);
    if (Init && !ILE)
      return;
    if (ILE && !ILE->isSemanticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    unsigned I = 0;
    for (const FieldDecl *F : RD->getDefinition()->fields()) {
      const Expr *FI = ILE && I < ILE->getNumInits() ? ILE->getInit(I) : nullptr;
      ++I;
      if (FI && isa<ImplicitValueInitExpr>(FI))
        FI = nullptr;
      initialValues(Key + "." + F->getNameAsString(), F->getType(), FI,
                    Depth + 1);
    }
  }

  /// Objects with static storage are destroyed by exit() and by returning
  /// from main, in any process that does so: a forked child included.
  void noteStaticDestructor(const VarDecl *V) {
    if (!TU.Ctx.getLangOpts().CPlusPlus || !V->hasGlobalStorage() ||
        isa<ParmVarDecl>(V) || V->getDeclContext()->isDependentContext() ||
        V->isThisDeclarationADefinition() == VarDecl::DeclarationOnly ||
        TU.SM.isInSystemHeader(V->getLocation()) || V->getTLSKind() != VarDecl::TLS_None)
      return;
    const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
      return;
    Function Dummy;
    FunctionExtractor FE(TU, nullptr, Dummy);
    FE.runStaticDestructor(V, StaticDtors);
  }

  void extractFunction(const FunctionDecl *FD) {
    const std::string &Usr = TU.Usrs.of(FD->getCanonicalDecl());
    if (!Extracted.insert(Usr).second)
      return;
    Function Fn;
    Fn.Usr = Usr;
    Fn.Name = FD->getQualifiedNameAsString();
    if (isa<CXXMethodDecl>(FD) && cast<CXXMethodDecl>(FD)->getParent()->isLambda())
      Fn.Name = "lambda";
    Fn.Loc = TU.location(FD->getLocation());
    Fn.IsMain = FD->isMain();
    Fn.NumParams = int(FD->getNumParams());
    Fn.Signature = FD->getType().getCanonicalType().getAsString();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      for (const CXXMethodDecl *O : MD->overridden_methods())
        Fn.Overrides.push_back(TU.Usrs.of(O->getCanonicalDecl()));
    FunctionExtractor FE(TU, FD, Fn);
    FE.run(FD->getBody());
    Pending.push_back({FD->getCanonicalDecl(), std::move(Fn)});
  }

  TUFacts finish(const std::string &MainFile) {
    TUFacts F;
    F.MainFile = MainFile;
    for (auto &[FD, Fn] : Pending) {
      Fn.AddressTaken =
          AddressTaken.count(FD) != 0 || TU.Slots.isInSlot(FD);
      Fn.Escapes = Escaped.count(FD) != 0;
      F.Functions.push_back(std::move(Fn));
    }
    if (!StaticInit.empty()) {
      Function Init;
      Init.Usr = "forksafe:static-init:" + MainFile;
      Init.Name = "dynamic initialization of globals";
      Init.Loc = StaticInit.front().Loc;
      Init.IsStaticInit = true;
      Init.Blocks.resize(2);
      Init.Blocks[0].Events = std::move(StaticInit);
      Init.Blocks[0].Succs.push_back(Edge{1, Edge::Always, {}});
      Init.Entry = 0;
      Init.ExitBlock = 1;
      F.Functions.push_back(std::move(Init));
    }
    if (!StaticDtors.empty()) {
      Function Dtors;
      Dtors.Usr = "forksafe:static-dtors:" + MainFile;
      Dtors.Name = "destructors of static objects";
      Dtors.Loc = StaticDtors.front().Loc;
      Dtors.IsStaticDtors = true;
      Dtors.Blocks.resize(2);
      // Reverse order of construction, as the C++ runtime does.
      Dtors.Blocks[0].Events.assign(StaticDtors.rbegin(), StaticDtors.rend());
      Dtors.Blocks[0].Succs.push_back(Edge{1, Edge::Always, {}});
      Dtors.Entry = 0;
      Dtors.ExitBlock = 1;
      F.Functions.push_back(std::move(Dtors));
    }
    TU.Handles.finish(F);
    F.Hooks = std::move(TU.HookBindings);
    TU.Slots.finish(F);
    F.GlobalInits = std::move(GlobalInits);
    F.ElementInits = std::move(ElementInits);
    F.ElementTypes = std::move(ElementTypes);
    F.WrittenFields.assign(Writes.written().begin(), Writes.written().end());
    F.FieldWritesKnown = true;
    TU.Tables.finish(F, AddressTakenGlobals, TableAddressedGlobals);
    F.EscapedGlobals.assign(AddressTakenGlobals.begin(),
                            AddressTakenGlobals.end());
    for (const std::string &G : TableAddressedGlobals)
      if (!AddressTakenGlobals.count(G))
        F.ConfiguredGlobals.push_back(G);
    return F;
  }

  ExtractContext TU;
  // Membership only (never iterated): hash sets.
  llvm::DenseSet<const Expr *> DirectCallees;
  llvm::DenseSet<const FunctionDecl *> AddressTaken, Escaped;
  std::map<std::string, int64_t> GlobalInits;
  std::map<std::string, int64_t> ElementInits;
  std::map<std::string, std::string> ElementTypes;
  FieldWrites Writes{TU.Ctx, TU.Usrs};
  std::set<std::string> AddressTakenGlobals;
  std::set<std::string> TableAddressedGlobals; // see TraverseVarDecl
  unsigned InTableInitializer = 0;
  llvm::DenseSet<const Expr *> IndexedBases;
  std::set<std::string> Extracted;
  std::vector<std::pair<const FunctionDecl *, Function>> Pending;
  std::vector<Event> StaticInit;
  std::vector<Event> StaticDtors;
};

SourceManager &FunctionExtractor::SM() const { return TU.SM; }

FunctionExtractor::FunctionExtractor(ExtractContext &TU, const FunctionDecl *FD,
                                     Function &Out)
    : TU(TU), FD(FD), Fn(Out), Refs(FD, TU.Usrs, TU.Types) {}

void FunctionExtractor::run(const Stmt *Body) {
  Refs.buildAliases(Body);
  Values = std::make_unique<ValueEncoder>(TU.Ctx, FD, TU.Usrs, TU.Types, Refs,
                                          Fn);
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
  for (const VarDecl *V : ReturnedLocals) {
    auto It = CreatedLocals.find(V);
    if (It != CreatedLocals.end() && !Fn.ReturnsCreated)
      Fn.ReturnsCreated = It->second;
  }
}

void FunctionExtractor::runInitializer(const VarDecl *Var,
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


FunctionExtractor::Target
FunctionExtractor::targetOf(const Expr *E) const {
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
    if (!T.Assign && M && M->getIdentifier() && Adds.count(M->getName().str()) &&
        isStdWrapper(MC->getImplicitObjectArgument()->IgnoreImpCasts()->getType()))
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

void FunctionExtractor::handleEvent(EventKind K, const HandleRef &R,
                                    const FunctionRule &Rule,
                                    SourceLocation Loc, std::vector<Event> &Out,
                                    const VarDecl *Root, QualType T,
                                    bool Once) {
  if (R.Kind == HandleRef::Local && !TU.Options.LocalHandles)
    return;
  Event E;
  E.Kind = K;
  E.Loc = TU.location(Loc);
  E.Ref = R;
  // A wildcard rule ('pqxx::connection::*') names the method actually called.
  E.Api = Rule.Function.size() > 1 &&
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

void FunctionExtractor::runStaticDestructor(const VarDecl *Var,
                                            std::vector<Event> &Out) {
  HandleRef R;
  R.Var = TU.Usrs.of(Var->getCanonicalDecl());
  destroyObject(Var->getType(), R, Var->getLocation(), Out, 0);
}

void FunctionExtractor::destroyObject(QualType T, const HandleRef &R,
                                      SourceLocation Loc,
                                      std::vector<Event> &Out, int Depth) {
  // An owning wrapper destroys what it holds.
  QualType Held = wrappedType(T);
  if (!Held.isNull()) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
        T->getAsRecordDecl());
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

static EventKind eventKindOf(Role R) {
  switch (R) {
  case Role::Create: return EventKind::Create;
  case Role::Init: return EventKind::Init;
  case Role::Connect: return EventKind::Connect;
  case Role::Use: return EventKind::Use;
  case Role::Close: return EventKind::Close;
  case Role::Reset: return EventKind::Reset;
  }
  return EventKind::Use;
}

/// 'handlers[i]', 'events[i].cb': all elements of an array are one place
/// whose value is the last one stored, which is no function to call.
static bool throughArrayElement(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (isa<ArraySubscriptExpr>(E))
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E))
      E = U->getSubExpr();
    else
      return false;
  }
  return false;
}

void FunctionExtractor::call(const CallExpr *CE, std::vector<Event> &Out,
                             const Expr *AssignTarget,
                             const VarDecl *TargetVar) {
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
      if (const HookRule *H = TU.Hooks.forRegister(Name, I))
        TU.noteHook(*H, functionRef(CE->getArg(I)), CE->getArg(I)->getBeginLoc());
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
      (Callee->getName() == "make_unique" || Callee->getName() == "make_shared" ||
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
    if (Values)
      if (auto [Table, Index] = TU.Tables.tableElement(CE->getCallee()); Index) {
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
    if (!AT->isPointerType() && !AT->isReferenceType() &&
        !TU.Types.match(AT) && !AT->isRecordType())
      continue;
    if (auto R = Refs.resolve(Arg))
      E.Args.push_back({int(I - First), *R});
  }
  if (AssignTarget) {
    if (auto R = Refs.resolve(AssignTarget))
      if (TU.Types.match(AssignTarget->getType())) {
        E.AssignTo = *R;
        TU.Handles.noteHandle(*R, Refs.rootVar(AssignTarget), AssignTarget->getType(),
                      "");
      }
  } else if (TargetVar && TU.Types.match(TargetVar->getType())) {
    E.AssignTo = Refs.refOfVar(TargetVar);
    TU.Handles.noteHandle(*E.AssignTo, Refs.rootVar(TargetVar), TargetVar->getType(),
                  "");
  }
  if (Callee && Returned)
    Fn.ReturnsCallResultOf.push_back(E.Callee);
  argumentValues({CE->getArgs(), CE->getNumArgs()}, First, E);
  pushCall(CE, std::move(E), Out);
}

void FunctionExtractor::pushCall(const CallExpr *CE, Event E,
                                 std::vector<Event> &Out) {
  Out.push_back(std::move(E));
  if (Values)
    Values->noteCallEvent(CE, CurrentBlock, unsigned(Out.size() - 1));
}

void FunctionExtractor::argumentValues(llvm::ArrayRef<const Expr *> Args,
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

bool FunctionExtractor::functionObjectCall(const CallExpr *CE,
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

void FunctionExtractor::ruleEvent(const FunctionRule &Rule, SourceLocation Loc,
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
          CreatedLocals[V] = TU.location(Loc);
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
      CreatedLocals[T.Var] = TU.location(Loc);
    handleEvent(RK, R, Rule, Loc, Out, Refs.rootVar(T.Var), T.Var->getType(),
                T.Var->isStaticLocal());
  } else if (T.Ref) {
    handleEvent(RK, *T.Ref, Rule, Loc, Out, nullptr, QualType());
  } else if (T.Return && RK == EventKind::Create) {
    if (!Fn.ReturnsCreated)
      Fn.ReturnsCreated = TU.location(Loc);
  }
}

void FunctionExtractor::memberInitializer(const CXXCtorInitializer *Init,
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

void FunctionExtractor::construct(const CXXConstructExpr *CE,
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
      else if (Rule.HandleArg >= 0 && unsigned(Rule.HandleArg) < CE->getNumArgs())
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

void FunctionExtractor::destroy(const Expr *Object, const CXXRecordDecl *Class,
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

void FunctionExtractor::assign(const Expr *LHS, const Expr *RHS,
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
    HRf.Kind = LHSVar->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
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

void FunctionExtractor::element(const Stmt *S, std::vector<Event> &Out) {
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

void FunctionExtractor::elementEvents(const Stmt *S, std::vector<Event> &Out) {
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
      storeValue(BO->getLHS(), nullptr, BO->getRHS(), BO->getOperatorLoc(),
                 Out, BinaryOperator::getOpcodeStr(
                          BinaryOperator::getOpForCompoundAssignment(
                              BO->getOpcode()))
                          .str());
    if (BO->getOpcode() == BO_Assign) {
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
    if (const Expr *RV = RS->getRetValue(); RV && FD &&
        isFunctionPointerType(FD->getReturnType()))
      TU.Slots.noteSlotStore(RV, TU.Usrs.of(FD->getCanonicalDecl()) + "#r");
    if (const Expr *RV = RS->getRetValue())
      if (auto R = Refs.resolve(RV))
        if (R->Kind == HandleRef::Global && TU.Types.match(RV->getType()) &&
            !Fn.ReturnsRef)
          Fn.ReturnsRef = *R;
    if (const Expr *RV = RS->getRetValue())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(RV->IgnoreParenCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          ReturnedLocals.push_back(V);
  }
}

void FunctionExtractor::storeValue(const Expr *LHS, const VarDecl *LHSVar,
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
    Value = Operand == "?" || !VO ? vx::unknown()
                                  : vx::apply(*VO, {Old, Operand});
  }
  Event E;
  E.Kind = EventKind::Assign;
  E.Loc = TU.location(Loc);
  E.Dst = *Dst;
  E.Value = std::move(Value);
  Out.push_back(std::move(E));
}

/// 'return <value>;': what the function returns on this block's edge into
/// the exit block.
void FunctionExtractor::labelReturn(const CFGBlock &B, Block &Out) {
  if (!Values)
    return;
  const ReturnStmt *Return = nullptr;
  for (const CFGElement &E : B)
    if (auto S = E.getAs<CFGStmt>())
      if (const auto *R = dyn_cast<ReturnStmt>(S->getStmt()))
        Return = R;
  if (!Return || !Return->getRetValue())
    return;
  std::string V = Values->encode(Return->getRetValue());
  if (V != "?")
    Out.Return = std::move(V);
}

/// The edges out of a branch, labelled by the value of its condition that
/// takes each: true/false, or the case labels of a switch.
void FunctionExtractor::labelEdges(const CFGBlock &B, Block &Out) {
  const Stmt *Term = B.getTerminatorStmt();
  std::string Cond = Values && Term ? Values->condition(B) : "";
  std::vector<const CFGBlock *> Succs;
  for (const CFGBlock::AdjacentBlock &A : B.succs())
    Succs.push_back(A.getReachableBlock());
  auto add = [&](const CFGBlock *To, Edge::Label When,
                 std::vector<int64_t> Cases = {}) {
    if (!To)
      return; // clang found this branch unreachable
    Edge E;
    E.To = To->getBlockID();
    E.When = Cond.empty() ? Edge::Always : When;
    if (E.When == Edge::Case)
      E.Cases = std::move(Cases);
    Out.Succs.push_back(std::move(E));
  };
  if (!Cond.empty() && isa<SwitchStmt>(Term)) {
    for (const CFGBlock *To : Succs) {
      const auto *CS = To ? dyn_cast_or_null<CaseStmt>(To->getLabel()) : nullptr;
      std::optional<int64_t> Label =
          CS && !CS->getRHS() ? constantInt(CS->getLHS(), TU.Ctx) : std::nullopt;
      if (!CS) {
        add(To, Edge::Default);
      } else if (Label) {
        add(To, Edge::Case, {*Label});
      } else {
        add(To, Edge::Always); // 'case 1 ... 5:' (GNU): either way
      }
    }
  } else if (!Cond.empty() && Succs.size() == 2) {
    add(Succs[0], Edge::True);
    add(Succs[1], Edge::False);
  } else {
    Cond.clear();
    for (const CFGBlock *To : Succs)
      add(To, Edge::Always);
  }
  Out.Cond = std::move(Cond);
}

} // namespace

TUFacts extractFacts(ASTContext &Ctx, const RuleSet &Rules,
                     const ExtractOptions &Options) {
  TUExtractor TU(Ctx, Rules, Options);
  TU.TraverseDecl(Ctx.getTranslationUnitDecl());
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Main;
  if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID()))
    Main = TU.TU.Locations.normalizedPath(Entry->getName());
  TUFacts Facts = TU.finish(Main);
  extractFixFacts(Ctx, Rules, Facts); // what the fix-its need (FixFacts.h)
  return Facts;
}

} // namespace forksafe
