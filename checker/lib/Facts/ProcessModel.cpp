// SPDX-License-Identifier: Apache-2.0
#include "ProcessModel.h"

#include "ConstantEval.h"
#include "Hooks.h"

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
  std::optional<llvm::APSInt> V = constantValue(Flags, Ctx);
  if (!V)
    return false; // unknown flags: assume a process, not a thread
  return (V->extOrTrunc(64).getZExtValue() & CloneVm) != 0;
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

bool isAssertionFailure(const CallExpr *Call, ASTContext &Ctx) {
  // A call in the condition ('assert(check(x))') runs: only a call the
  // macro's own body makes, and that yields nothing, is the failure side.
  if (!Call->getType()->isVoidType())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Call->getBeginLoc();
  if (!Loc.isMacroID() || SM.isMacroArgExpansion(Loc))
    return false;
  // 'CHECK(x)' defined as 'assert(x)' and the reverse: any macro in the
  // chain of expansions may be the assertion.
  while (Loc.isMacroID()) {
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (Name.contains_insensitive("assert"))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

std::optional<AtForkHandlers> classifyAtFork(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!isLibcFunction(FD) || !FD->getIdentifier() ||
      FD->getName() != "pthread_atfork" || Call->getNumArgs() != 3)
    return std::nullopt;
  AtForkHandlers H;
  H.Prepare = functionRef(Call->getArg(0));
  H.Parent = functionRef(Call->getArg(1));
  H.Child = functionRef(Call->getArg(2));
  return H;
}

} // namespace forksafe
