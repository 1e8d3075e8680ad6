// SPDX-License-Identifier: Apache-2.0
/// The POSIX process model: which calls fork, which end a process, and which
/// side of a fork a branch on its result belongs to.
#pragma once

#include "forksafe/Facts.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace forksafe {

struct ForkCall {
  ForkKind Kind = ForkKind::Fork;
  std::string Api;                           // "fork", "syscall(SYS_fork)", ...
  const clang::FunctionDecl *ChildFn = nullptr; // clone(fn, ...)
};

/// fork, _Fork, forkpty, daemon, syscall(SYS_fork), clone without CLONE_VM.
/// vfork and posix_spawn are not fork points: the child execs at once.
/// Extra: a project's own fork functions (check option ExtraForkFunctions).
std::optional<ForkCall> classifyFork(const clang::CallExpr *Call,
                                     clang::ASTContext &Ctx,
                                     const std::set<std::string> *Extra = nullptr);

/// exit, _exit, abort, exec*: the process (image) ends here.
std::optional<ExitKind> classifyExit(const clang::CallExpr *Call,
                                     std::string &Api);

/// Numbers the fork calls of one function body and remembers which local
/// variables hold their results, so branch conditions can be split into the
/// child's and the parent's side.
class ForkResults {
public:
  ForkResults(const clang::Stmt *Body, clang::ASTContext &Ctx,
              const std::set<std::string> *Extra = nullptr);

  /// The site number of a fork call in this body, or -1.
  int siteOf(const clang::CallExpr *Call) const;
  /// Whether anything in this body can make a condition depend on a fork.
  bool empty() const {
    return Sites.empty() && PidVars.empty() && PidFields.empty();
  }
  /// The single fork site a condition depends on, if any.
  std::optional<int> siteInCondition(const clang::Expr *Cond) const;
  /// The value of Cond when the fork at Site returned Pid (0: child,
  /// positive: parent, -1: failure, which is the parent process too).
  std::optional<int64_t> evaluate(const clang::Expr *Cond, int Site,
                                  int64_t Pid) const;

private:
  void scan(const clang::Stmt *S);
  clang::ASTContext &Ctx;
  const std::set<std::string> *Extra;
  std::map<const clang::CallExpr *, int> Sites;
  std::map<const clang::VarDecl *, int> PidVars;
  std::map<const clang::ValueDecl *, int> PidFields; // 'cmd->pid = fork()'
};

} // namespace forksafe
