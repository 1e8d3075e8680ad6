// SPDX-License-Identifier: Apache-2.0
/// The POSIX process model: which calls fork, which end a process, and
/// which register fork handlers. Which side of a fork a branch takes is the
/// analysis' business: the fork's result is a value (ValueEncoder.h).
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
  ForkKind Kind = ForkKind::Plain;
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

/// The call an assertion macro makes when its condition is false
/// ('assert(e)' as '(e) ? (void)0 : assertionfailed(...)'): a void call
/// written in the body of a macro whose name contains "assert". Like the
/// Clang Static Analyzer, which stops a path at __assert_fail, the analysis
/// does not follow a path that needs an asserted invariant to be false,
/// even where the project's handler cleans up before it exits.
bool isAssertionFailure(const clang::CallExpr *Call, clang::ASTContext &Ctx);

/// pthread_atfork(prepare, parent, child): the handlers it registers
/// (null where an argument is not a function).
struct AtForkHandlers {
  const clang::FunctionDecl *Prepare = nullptr, *Parent = nullptr,
                            *Child = nullptr;
};
std::optional<AtForkHandlers> classifyAtFork(const clang::CallExpr *Call);

} // namespace forksafe
