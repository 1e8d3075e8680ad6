// SPDX-License-Identifier: Apache-2.0
#include "HandleRefs.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <set>
#include <vector>

using namespace clang;

namespace forksafe {

QualType wrappedType(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsRecordDecl());
  if (!Spec || !Spec->isInStdNamespace())
    return QualType();
  // Owning and holding wrappers: the handle is the first template argument;
  // for maps, the mapped type.
  static const std::set<std::string> First = {
      "unique_ptr", "shared_ptr", "weak_ptr", "optional", "reference_wrapper",
      "vector", "deque", "list", "forward_list", "array", "set",
      "unordered_set", "atomic"};
  static const std::set<std::string> Second = {"map", "unordered_map",
                                               "multimap", "pair"};
  std::string Name = Spec->getName().str();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  unsigned Index = First.count(Name) ? 0 : Second.count(Name) ? 1 : ~0u;
  if (Index >= Args.size() || Args[Index].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[Index].getAsType();
}

bool isStdWrapper(QualType T) { return !wrappedType(T).isNull(); }

static llvm::StringRef lastNamePart(llvm::StringRef Name) {
  size_t Colon = Name.rfind("::");
  return Colon == llvm::StringRef::npos ? Name : Name.substr(Colon + 2);
}

HandleTypes::HandleTypes(const RuleSet &Rules, ASTContext &Ctx)
    : Rules(Rules), Ctx(Ctx) {
  for (const HandleRule &H : Rules.Handles)
    LastNames.insert(lastNamePart(H.Type));
}

const HandleRule *HandleTypes::byName(const NamedDecl *D) const {
  // A qualified name ends with the declaration's identifier: unless some
  // rule's type ends with it too, no rule names this declaration.
  if (const IdentifierInfo *II = D->getIdentifier())
    if (!LastNames.count(II->getName()))
      return nullptr;
  return Rules.handleType(D->getQualifiedNameAsString());
}

void HandleTypes::noteTypedef(const TypedefNameDecl *TD) {
  const HandleRule *R = byName(TD);
  if (!R)
    return;
  // Only a distinct record is safe to recognise by its canonical type:
  // 'typedef void *SQLHDBC' must not make every void * a handle.
  QualType Canon = Ctx.getCanonicalType(TD->getUnderlyingType());
  QualType Inner = Canon;
  while (Inner->isPointerType())
    Inner = Inner->getPointeeType();
  if (Inner->isRecordType()) {
    Canonical[Canon.getTypePtr()] = R;
    ++Generation;
  }
}

const HandleRule *HandleTypes::match(QualType T) const {
  if (T.isNull())
    return nullptr;
  if (CacheGeneration != Generation) {
    Cache.clear();
    CacheGeneration = Generation;
  }
  auto It = Cache.find(T.getAsOpaquePtr());
  if (It != Cache.end())
    return It->second;
  const HandleRule *R = matchUncached(T);
  Cache[T.getAsOpaquePtr()] = R;
  return R;
}

const HandleRule *HandleTypes::matchUncached(QualType T) const {
  for (int Depth = 0; Depth < 32 && !T.isNull(); ++Depth) {
    if (const auto *TT = T->getAs<TypedefType>())
      if (const HandleRule *R =
              byName(TT->getDecl()))
        return R;
    QualType Canon = Ctx.getCanonicalType(T).getUnqualifiedType();
    auto It = Canonical.find(Canon.getTypePtr());
    if (It != Canonical.end())
      return It->second;
    if (const auto *RD = Canon->getAsRecordDecl())
      if (const HandleRule *R = byName(RD))
        return R;
    // Step inward: pointee, referee, element, or one level of sugar.
    QualType Next = wrappedType(Canon);
    if (!Next.isNull())
      ; // a smart pointer, optional or container of handles
    else if (const auto *PT = T->getAs<PointerType>())
      Next = PT->getPointeeType();
    else if (const auto *RT = T->getAs<ReferenceType>())
      Next = RT->getPointeeType();
    else if (const auto *AT = Ctx.getAsArrayType(T))
      Next = AT->getElementType();
    if (Next.isNull())
      return nullptr;
    T = Next;
  }
  return nullptr;
}

/// Whether D is an object or function of its translation unit alone: a
/// 'static' (or anonymous-namespace) variable or function, or a static
/// local of one. Included into two TUs, it is two entities with one USR.
static bool isTranslationUnitLocal(const Decl *D) {
  if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (V->isStaticLocal()) {
      const auto *F = dyn_cast<FunctionDecl>(V->getDeclContext());
      return F && isTranslationUnitLocal(F);
    }
    if (!V->hasGlobalStorage() || isa<ParmVarDecl>(V))
      return false;
    return !V->isExternallyVisible();
  }
  if (const auto *F = dyn_cast<FunctionDecl>(D))
    return !F->isExternallyVisible() && !isa<CXXMethodDecl>(F);
  return false;
}

const std::string &UsrCache::of(const Decl *D) {
  auto It = Cache.find(D);
  if (It != Cache.end())
    return It->second;
  llvm::SmallString<128> Buf;
  std::string Usr;
  if (!index::generateUSRForDecl(D, Buf))
    Usr = Buf.str().str();
  else // no USR (rare): fall back to a pointer-unique name within this TU
    Usr = "forksafe:decl:" + std::to_string(reinterpret_cast<uintptr_t>(D));
  // Linked by USR, two TUs' copies of a file-local entity would be one.
  if (isTranslationUnitLocal(D))
    Usr += translationUnitSuffix(D->getASTContext());
  return Cache[D] = Usr;
}

const std::string &UsrCache::translationUnitSuffix(ASTContext &Ctx) {
  if (!Suffix.empty())
    return Suffix;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallString<256> Main("?");
  if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID())) {
    Main = Entry->getName();
    SM.getFileManager().makeAbsolutePath(Main);
    llvm::sys::path::remove_dots(Main, /*remove_dot_dot=*/true);
  }
  return Suffix = "@tu@" + Main.str().str();
}

RefResolver::RefResolver(const FunctionDecl *FD, UsrCache &Usrs,
                         const HandleTypes &Types)
    : FD(FD), Usrs(Usrs), Types(Types) {}

/// 'this' is bound like a parameter, with index -1.
constexpr int ThisParam = -1;

static int paramIndex(const FunctionDecl *FD, const ParmVarDecl *P) {
  if (!FD)
    return -1;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I) == P)
      return int(I);
  return -1;
}

static bool isPlainLocal(const VarDecl *V) {
  return V && V->hasLocalStorage() && !isa<ParmVarDecl>(V);
}

std::optional<HandleRef> RefResolver::resolveNoAlias(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return resolveNoAlias(EWC->getSubExpr());
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return resolveNoAlias(MT->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    // '&m' for a by-value handle ('MYSQL m; mysql_init(&m)'), '*pp'.
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      return resolveNoAlias(UO->getSubExpr());
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return std::nullopt;
    HandleRef R;
    if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
      R.Kind = HandleRef::Param;
      R.ParamIndex = paramIndex(FD, P);
      if (R.ParamIndex < 0)
        return std::nullopt;
      return R;
    }
    R.Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
    R.Var = Usrs.of(V->getCanonicalDecl());
    return R;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = ME->getMemberDecl();
    if (const auto *V = dyn_cast<VarDecl>(Field)) { // static data member
      HandleRef R;
      R.Var = Usrs.of(V->getCanonicalDecl());
      return R;
    }
    auto Base = resolve(ME->getBase());
    if (!Base)
      return std::nullopt;
    Base->Path += "." + Field->getNameAsString();
    return Base;
  }
  if (isa<CXXThisExpr>(E)) {
    HandleRef R;
    R.Kind = HandleRef::Param;
    R.ParamIndex = ThisParam;
    return R;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // 'ptr->method()', '*ptr' on a smart pointer or optional: the pointee.
    // libstdc++ declares shared_ptr's operators in base classes: look at
    // the object before its derived-to-base cast.
    OverloadedOperatorKind K = Op->getOperator();
    const Expr *Obj = Op->getNumArgs() >= 1 ? Op->getArg(0)->IgnoreImpCasts()
                                            : nullptr;
    if ((K == OO_Arrow || K == OO_Star) && Obj && isStdWrapper(Obj->getType()))
      return resolve(Obj);
    if (K == OO_Subscript && Obj && isStdWrapper(Obj->getType())) {
      auto Base = resolve(Op->getArg(0));
      if (Base)
        Base->Path += "[]";
      return Base;
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // 'ptr.get()', 'opt.value()', 'vec.front()' on a std wrapper.
    static const std::set<std::string> Access = {"get", "value", "front",
                                                 "back", "at", "operator*",
                                                 "operator->"};
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (Obj)
      Obj = Obj->IgnoreImpCasts();
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (Obj && M && M->getIdentifier() && Access.count(M->getName().str()) &&
        isStdWrapper(Obj->getType())) {
      auto Base = resolve(Obj);
      std::string Name = M->getName().str();
      if (Base && (Name == "front" || Name == "back" || Name == "at"))
        Base->Path += "[]";
      return Base;
    }
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    // An accessor returning a handle: 'PQexec(db(), ...)'. Whether it
    // returns a global is known once its body has been seen (link time).
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Types.match(CE->getType()) || isa<CXXMethodDecl>(Callee))
      return std::nullopt;
    HandleRef R;
    R.Kind = HandleRef::Result;
    R.Var = Usrs.of(Callee->getCanonicalDecl());
    return R;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    // Every element of 'PGconn *pool[8]' counts as one handle.
    auto Base = resolve(ASE->getBase());
    if (!Base)
      return std::nullopt;
    Base->Path += "[]";
    return Base;
  }
  return std::nullopt;
}

std::optional<HandleRef> RefResolver::resolve(const Expr *E) const {
  if (!E)
    return std::nullopt;
  const Expr *S = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = Aliases.find(V);
      if (It != Aliases.end())
        return It->second.Target;
    }
  return resolveNoAlias(E);
}

HandleRef RefResolver::refOfVar(const VarDecl *V) const {
  auto It = Aliases.find(V);
  if (It != Aliases.end())
    return It->second.Target;
  HandleRef R;
  if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
    R.Kind = HandleRef::Param;
    R.ParamIndex = paramIndex(FD, P);
    return R;
  }
  R.Kind = V->hasGlobalStorage() ? HandleRef::Global : HandleRef::Local;
  R.Var = Usrs.of(V->getCanonicalDecl());
  return R;
}

HandleRef RefResolver::thisRef() const {
  HandleRef R;
  R.Kind = HandleRef::Param;
  R.ParamIndex = ThisParam;
  return R;
}

const VarDecl *RefResolver::rootVar(const VarDecl *V) const {
  auto It = Aliases.find(V);
  return It != Aliases.end() ? It->second.Root : V;
}

const VarDecl *RefResolver::rootVar(const Expr *E) const {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getNumArgs() == 0)
        return nullptr;
      E = Op->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return V;
      E = ME->getBase();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      auto It = Aliases.find(V);
      return It != Aliases.end() ? It->second.Root : V;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

void RefResolver::buildAliases(const Stmt *Body) {
  // Flow-insensitive and first-wins: 'MYSQL *db = g_db;', 'st = &app;',
  // 'g_db = c;' (c then stands for g_db everywhere in this function).
  std::vector<const Stmt *> Work = {Body};
  auto alias = [&](const VarDecl *Local, const Expr *Other) {
    if (!isPlainLocal(Local) || Aliases.count(Local) || !Other)
      return;
    auto Target = resolveNoAlias(Other);
    if (Target && Target->Kind != HandleRef::Local &&
        Target->Kind != HandleRef::Result)
      Aliases[Local] = {*Target, rootVar(Other)};
  };
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getType()->isPointerType() || V->getType()->isReferenceType())
            alias(V, V->getInit());
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign) {
        const Expr *L = BO->getLHS()->IgnoreParenCasts();
        const Expr *R = BO->getRHS()->IgnoreParenCasts();
        const auto *LD = dyn_cast<DeclRefExpr>(L);
        const auto *RD = dyn_cast<DeclRefExpr>(R);
        const VarDecl *LV = LD ? dyn_cast<VarDecl>(LD->getDecl()) : nullptr;
        const VarDecl *RV = RD ? dyn_cast<VarDecl>(RD->getDecl()) : nullptr;
        if (isPlainLocal(LV) && LV->getType()->isPointerType())
          alias(LV, R);
        else if (isPlainLocal(RV) && RV->getType()->isPointerType())
          alias(RV, L);
      }
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
}

} // namespace forksafe
