// SPDX-License-Identifier: Apache-2.0
// Walks a TU's declarations once: each function body goes to the function
// encoder (FunctionEncoder.h), and what the declarations themselves say is
// recorded on the way: global handles and their definitions, globals'
// initial values, which functions and globals have their address taken,
// what is stored into function-pointer slots and tables, framework hooks,
// and the globals' dynamic initialisers and static destructors.
#include "forksafe/Extract.h"

#include "ConstantEval.h"
#include "ExtractContext.h"
#include "FixItFacts.h"

#include <algorithm>
#include "FunctionEncoder.h"
#include "StaticTables.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace clang;

namespace forksafe {
namespace {

class DeclarationWalker : public RecursiveASTVisitor<DeclarationWalker> {
public:
  DeclarationWalker(ASTContext &Ctx, const RuleSet &Rules,
                    const ExtractOptions &O)
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
        if (!InStaticInitializer)
          TakenAtRunTime.insert(FD->getCanonicalDecl());
        // Where it is registered: in that function's body, or before main().
        if (InStaticInitializer || Enclosing.empty())
          StaticallyNamed.insert(FD->getCanonicalDecl());
        else
          NamedIn[Enclosing.back()].insert(FD->getCanonicalDecl());
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

  bool TraverseDecl(Decl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    bool Body = FD && FD->doesThisDeclarationHaveABody();
    if (Body)
      Enclosing.push_back(FD->getCanonicalDecl());
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    if (Body)
      Enclosing.pop_back();
    return Result;
  }

  // '&g' in the initialiser of a file-scope array (a parameter table) makes
  // g a configuration value, not an escaped global (TUFacts).
  // A function named in a static's initialiser is in place before main()
  // runs (TakenAtRunTime: named anywhere else).
  bool TraverseVarDecl(VarDecl *V) {
    bool Table = V->hasGlobalStorage() && !V->isStaticLocal() &&
                 V->getDeclContext()->isFileContext() &&
                 V->getType()->isArrayType();
    InTableInitializer += Table;
    InStaticInitializer += V->hasGlobalStorage();
    bool Result = RecursiveASTVisitor::TraverseVarDecl(V);
    InTableInitializer -= Table;
    InStaticInitializer -= V->hasGlobalStorage();
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
      noteElementInits(V, TU.Ctx, TU.Usrs, TU.Types, ElementInits,
                       ElementTypes);
    }
    if (V->getInit() && !isa<ParmVarDecl>(V) &&
        !TU.SM.isInSystemHeader(V->getLocation()))
      hooksInInitializer(V->getInit(), V->getType(), 0);
    if (isa<ParmVarDecl>(V) || V->isStaticLocal() || !V->hasGlobalStorage() ||
        V->isInvalidDecl() || !V->getInit() ||
        V->getDeclContext()->isDependentContext())
      return true;
    if (TU.SM.isInSystemHeader(V->getLocation()))
      return true;
    // Constant initialisation runs no code; only a dynamic initialiser (C++)
    // can create a handle before main.
    if (!TU.Ctx.getLangOpts().CPlusPlus || V->hasConstantInitialization())
      return true;
    Function Dummy;
    FunctionEncoder FE(TU, nullptr, Dummy);
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
      const Expr *FI =
          ILE && I < ILE->getNumInits() ? ILE->getInit(I) : nullptr;
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
        TU.SM.isInSystemHeader(V->getLocation()) ||
        V->getTLSKind() != VarDecl::TLS_None)
      return;
    const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
      return;
    Function Dummy;
    FunctionEncoder FE(TU, nullptr, Dummy);
    FE.runStaticDestructor(V, StaticDtors);
  }

  void extractFunction(const FunctionDecl *FD) {
    const std::string &Usr = TU.Usrs.of(FD->getCanonicalDecl());
    if (!Extracted.insert(Usr).second)
      return;
    Function Fn;
    Fn.Usr = Usr;
    Fn.Name = FD->getQualifiedNameAsString();
    if (isa<CXXMethodDecl>(FD) &&
        cast<CXXMethodDecl>(FD)->getParent()->isLambda())
      Fn.Name = "lambda";
    Fn.Loc = TU.location(FD->getLocation());
    Fn.IsMain = FD->isMain();
    Fn.NumParams = int(FD->getNumParams());
    Fn.Signature = FD->getType().getCanonicalType().getAsString();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      for (const CXXMethodDecl *O : MD->overridden_methods())
        Fn.Overrides.push_back(TU.Usrs.of(O->getCanonicalDecl()));
    FunctionEncoder FE(TU, FD, Fn);
    FE.run(FD->getBody());
    Pending.push_back({FD->getCanonicalDecl(), std::move(Fn)});
  }

  TUFacts finish(const std::string &MainFile) {
    TUFacts F;
    F.MainFile = MainFile;
    for (auto &[FD, Fn] : Pending) {
      Fn.AddressTaken = AddressTaken.count(FD) != 0 || TU.Slots.isInSlot(FD);
      Fn.Escapes = Escaped.count(FD) != 0;
      if (auto It = NamedIn.find(FD); It != NamedIn.end()) {
        for (const FunctionDecl *Named : It->second)
          Fn.TakesAddressOf.push_back(TU.Usrs.of(Named));
        std::sort(Fn.TakesAddressOf.begin(), Fn.TakesAddressOf.end());
      }
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
    for (const FunctionDecl *FD : TakenAtRunTime)
      F.RunTimeAddressed.push_back(TU.Usrs.of(FD));
    std::sort(F.RunTimeAddressed.begin(), F.RunTimeAddressed.end());
    for (const FunctionDecl *FD : StaticallyNamed)
      F.StaticallyAddressed.push_back(TU.Usrs.of(FD));
    std::sort(F.StaticallyAddressed.begin(), F.StaticallyAddressed.end());
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
  llvm::DenseSet<const FunctionDecl *> AddressTaken, Escaped, TakenAtRunTime;
  // Functions named in a static's initialiser (or outside any body), and
  // those named in each function's body (canonical declarations).
  llvm::DenseSet<const FunctionDecl *> StaticallyNamed;
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const FunctionDecl *>>
      NamedIn;
  std::vector<const FunctionDecl *> Enclosing; // bodies being traversed
  std::map<std::string, int64_t> GlobalInits;
  std::map<std::string, int64_t> ElementInits;
  std::map<std::string, std::string> ElementTypes;
  FieldWrites Writes{TU.Ctx, TU.Usrs};
  std::set<std::string> AddressTakenGlobals;
  std::set<std::string> TableAddressedGlobals; // see TraverseVarDecl
  unsigned InTableInitializer = 0, InStaticInitializer = 0;
  llvm::DenseSet<const Expr *> IndexedBases;
  std::set<std::string> Extracted;
  std::vector<std::pair<const FunctionDecl *, Function>> Pending;
  std::vector<Event> StaticInit;
  std::vector<Event> StaticDtors;
};

} // namespace

TUFacts extractFacts(ASTContext &Ctx, const RuleSet &Rules,
                     const ExtractOptions &Options) {
  DeclarationWalker Walker(Ctx, Rules, Options);
  Walker.TraverseDecl(Ctx.getTranslationUnitDecl());
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Main;
  if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID()))
    Main = Walker.TU.Locations.normalizedPath(Entry->getName());
  TUFacts Facts = Walker.finish(Main);
  extractFixItFacts(Ctx, Rules, Facts); // what the fix-its need (FixItFacts.h)
  return Facts;
}

} // namespace forksafe
