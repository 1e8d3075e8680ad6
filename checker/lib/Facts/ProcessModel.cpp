// SPDX-License-Identifier: Apache-2.0
#include "ProcessModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

#include <set>
#include <vector>

using namespace clang;

namespace forksafe {
namespace {

constexpr int64_t CloneVm = 0x00000100; // CLONE_VM from <linux/sched.h>

/// A function from the C library (or std::), not a member or a user function
/// that happens to share the name.
bool isLibcFunction(const FunctionDecl *FD) {
  if (!FD || isa<CXXMethodDecl>(FD))
    return false;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (DC->isTranslationUnit())
    return true;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->isStdNamespace();
  return false;
}

/// The argument as written ('SYS_fork', not what the macro expands to).
std::string spellingOf(const Expr *E, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = SM.getExpansionRange(E->getSourceRange());
  return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).trim().str();
}

bool hasCloneVm(const Expr *Flags, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (Flags->isValueDependent() || !Flags->EvaluateAsInt(R, Ctx))
    return false; // unknown flags: assume a process, not a thread
  return (R.Val.getInt().getExtValue() & CloneVm) != 0;
}

} // namespace

std::optional<ForkCall> classifyFork(const CallExpr *Call, ASTContext &Ctx,
                                     const std::set<std::string> *Extra) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (FD && Extra && !Extra->empty() &&
      Extra->count(FD->getQualifiedNameAsString())) {
    ForkCall FC;
    FC.Api = FD->getQualifiedNameAsString() + "()";
    return FC;
  }
  if (!isLibcFunction(FD) || !FD->getIdentifier())
    return std::nullopt;
  StringRef Name = FD->getName();
  ForkCall FC;
  if (Name == "fork" || Name == "_Fork" || Name == "forkpty") {
    FC.Api = Name.str() + "()";
    return FC;
  }
  if (Name == "daemon") {
    FC.Kind = ForkKind::Daemon;
    FC.Api = "daemon()";
    return FC;
  }
  if (Name == "clone" && Call->getNumArgs() >= 3) {
    if (hasCloneVm(Call->getArg(2), Ctx))
      return std::nullopt; // a thread: memory is shared
    FC.Kind = ForkKind::Clone;
    FC.Api = "clone()";
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
      FC.ChildFn = dyn_cast<FunctionDecl>(DRE->getDecl());
    return FC;
  }
  if (Name == "syscall" && Call->getNumArgs() >= 1) {
    std::string Nr = spellingOf(Call->getArg(0), Ctx);
    if (Nr == "SYS_fork" || Nr == "__NR_fork" || Nr == "SYS_clone3" ||
        Nr == "__NR_clone3") {
      FC.Api = "syscall(" + Nr + ")";
      return FC;
    }
    if ((Nr == "SYS_clone" || Nr == "__NR_clone") &&
        !(Call->getNumArgs() >= 2 && hasCloneVm(Call->getArg(1), Ctx))) {
      FC.Api = "syscall(" + Nr + ")";
      return FC;
    }
  }
  return std::nullopt;
}

std::optional<ExitKind> classifyExit(const CallExpr *Call, std::string &Api) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!isLibcFunction(FD) || !FD->getIdentifier())
    return std::nullopt;
  StringRef Name = FD->getName();
  std::optional<ExitKind> Kind = llvm::StringSwitch<std::optional<ExitKind>>(Name)
      .Cases("exit", "quick_exit", ExitKind::Exit)
      .Cases("_exit", "_Exit", "abort", ExitKind::RawExit)
      .Cases("execv", "execve", "execvp", "execvpe", "execl", ExitKind::Exec)
      .Cases("execle", "execlp", "fexecve", "execveat", ExitKind::Exec)
      .Default(std::nullopt);
  Api = Name.str();
  if (Kind)
    return Kind;
  return std::nullopt;
}

ForkResults::ForkResults(const Stmt *Body, ASTContext &Ctx,
                         const std::set<std::string> *Extra)
    : Ctx(Ctx), Extra(Extra) {
  if (Body)
    scan(Body);
}

namespace {
/// Collects, in source (pre-)order, the calls and the statements that can
/// bind a fork's result: all ForkResults::scan needs to look at.
void collectForScan(const Stmt *S, std::vector<const CallExpr *> &Calls,
                    std::vector<const Stmt *> &Binders) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    Calls.push_back(CE);
  else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign)
      Binders.push_back(S);
  } else if (isa<DeclStmt>(S))
    Binders.push_back(S);
  for (const Stmt *C : S->children())
    collectForScan(C, Calls, Binders);
}
} // namespace

void ForkResults::scan(const Stmt *Body) {
  // Pass 1: number the fork calls in source order.
  std::vector<const CallExpr *> Calls;
  std::vector<const Stmt *> Order; // assignments and declarations, in order
  collectForScan(Body, Calls, Order);
  // daemon() and clone() return no pid to branch on: not sites.
  for (const CallExpr *CE : Calls)
    if (auto FC = classifyFork(CE, Ctx, Extra);
        FC && FC->Kind == ForkKind::Fork) {
      int Site = int(Sites.size());
      Sites[CE] = Site;
    }
  if (Sites.empty())
    return; // nothing to bind
  // Pass 2: 'pid = fork()' and 'pid_t pid = fork()' make pid a fork result.
  auto bind = [&](const VarDecl *V, const Expr *Init) {
    if (!V || !Init)
      return;
    if (const auto *CE = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts())) {
      auto It = Sites.find(CE);
      if (It != Sites.end())
        PidVars[V] = It->second;
    }
  };
  for (const Stmt *S : Order) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign) {
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
          bind(dyn_cast<VarDecl>(DRE->getDecl()), BO->getRHS());
        // 'cmd->pid = fork()': later tests of 'cmd->pid' split the sides.
        if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
          if (const auto *CE =
                  dyn_cast<CallExpr>(BO->getRHS()->IgnoreParenImpCasts())) {
            auto It = Sites.find(CE);
            if (It != Sites.end())
              PidFields[ME->getMemberDecl()] = It->second;
          }
      }
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          bind(V, V->getInit());
    }
  }
}

int ForkResults::siteOf(const CallExpr *Call) const {
  auto It = Sites.find(Call);
  return It == Sites.end() ? -1 : It->second;
}

std::optional<int> ForkResults::siteInCondition(const Expr *Cond) const {
  std::set<int> Found;
  std::vector<const Stmt *> Work = {Cond};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      int Site = siteOf(CE);
      if (Site >= 0)
        Found.insert(Site);
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = PidVars.find(V);
        if (It != PidVars.end())
          Found.insert(It->second);
      }
    if (const auto *ME = dyn_cast<MemberExpr>(S)) {
      auto It = PidFields.find(ME->getMemberDecl());
      if (It != PidFields.end())
        Found.insert(It->second);
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  if (Found.size() != 1)
    return std::nullopt;
  return *Found.begin();
}

std::optional<int64_t> ForkResults::evaluate(const Expr *E, int Site,
                                             int64_t Pid) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (siteOf(CE) == Site)
      return Pid;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = PidVars.find(V);
      if (It != PidVars.end() && It->second == Site)
        return Pid;
    }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    auto It = PidFields.find(ME->getMemberDecl());
    if (It != PidFields.end() && It->second == Site)
      return Pid;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    auto V = evaluate(UO->getSubExpr(), Site, Pid);
    if (!V)
      return std::nullopt;
    switch (UO->getOpcode()) {
    case UO_LNot: return int64_t(!*V);
    case UO_Minus: return -*V;
    case UO_Plus: return *V;
    default: return std::nullopt;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
      return evaluate(BO->getRHS(), Site, Pid);
    auto L = evaluate(BO->getLHS(), Site, Pid);
    auto R = evaluate(BO->getRHS(), Site, Pid);
    switch (BO->getOpcode()) {
    case BO_LAnd:
      if (L && !*L) return int64_t(0);
      if (R && !*R) return int64_t(0);
      if (L && R) return int64_t(1);
      return std::nullopt;
    case BO_LOr:
      if (L && *L) return int64_t(1);
      if (R && *R) return int64_t(1);
      if (L && R) return int64_t(0);
      return std::nullopt;
    default:
      break;
    }
    if (!L || !R)
      return std::nullopt;
    switch (BO->getOpcode()) {
    case BO_EQ: return int64_t(*L == *R);
    case BO_NE: return int64_t(*L != *R);
    case BO_LT: return int64_t(*L < *R);
    case BO_GT: return int64_t(*L > *R);
    case BO_LE: return int64_t(*L <= *R);
    case BO_GE: return int64_t(*L >= *R);
    default: return std::nullopt;
    }
  }
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

} // namespace forksafe
