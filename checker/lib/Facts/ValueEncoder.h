// SPDX-License-Identifier: Apache-2.0
/// Values in one function body, for the facts: which places (variables,
/// members, dereferences) matter, and expressions over them in the text form
/// of forksafe/ValueExpr.h (branch conditions, returned values, assigned
/// values, argument values). The analysis evaluates them; nothing here
/// decides a branch.
#pragma once

#include "HandleRefs.h"

#include "forksafe/Facts.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CFGBlock;
class Expr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace forksafe {

class ValueEncoder {
public:
  ValueEncoder(clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
               UsrCache &Usrs, const HandleTypes &Types,
               const RefResolver &Refs, Function &Fn);

  /// The locals whose values can matter: those named in conditions,
  /// returns and call arguments, and what is copied into them.
  void scan(const clang::Stmt *Body);

  /// The place a store to LValue writes, if stores there are recorded: a
  /// value the analysis may read (a relevant local, a global, or memory
  /// reached through a parameter). Handle-typed lvalues are not value
  /// places (their events say what happens to them).
  std::optional<int> storePlace(const clang::Expr *LValue);
  std::optional<int> storePlace(const clang::VarDecl *V);

  /// E's value as an expression ("?" when unknown).
  std::string encode(const clang::Expr *E);
  /// The condition its labelled edges test, for a block with two or more
  /// successors ("" when there is none).
  std::string condition(const clang::CFGBlock &B);

  /// A call of CE became event Index of block Block: a condition or return
  /// that names the call reads its result.
  void noteCallEvent(const clang::CallExpr *CE, unsigned Block,
                     unsigned Index);
  bool hasEvent(const clang::CallExpr *CE) const {
    return CallEvents.count(CE) != 0;
  }
  /// An fd_set (FdSets.h) as a place: the set named by an lvalue or a
  /// pointer expression, or a variable.
  std::optional<HandleRef> fdSetRef(const clang::Expr *Set);
  std::optional<HandleRef> fdSetRef(const clang::VarDecl *V);
  /// The place of the bit of the descriptor named Key in Set.
  std::optional<int> fdBit(const HandleRef &Set, const std::string &Key);
  /// Every bit place of Set that the function names, by descriptor key.
  std::vector<std::pair<std::string, int>> fdBits(const HandleRef &Set);

  clang::ASTContext &context() const { return Ctx; }

  /// The index of a function named by address, in Fn.FnRefs.
  unsigned fnRef(const std::string &Usr);

private:
  std::optional<HandleRef> placeRef(const clang::Expr *E, int Depth);
  int intern(const HandleRef &R);
  bool relevantVar(const clang::VarDecl *V) const;
  std::string encode(const clang::Expr *E, int Depth);
  std::string callResult(const clang::CallExpr *CE);

  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  UsrCache &Usrs;
  const HandleTypes &Types;
  const RefResolver &Refs;
  Function &Fn;
  llvm::DenseSet<const clang::VarDecl *> Relevant;
  // The descriptors named with each fd_set (by the set's place key).
  std::map<std::string, std::set<std::string>> FdKeys;
  static std::string placeKey(const HandleRef &R);
  std::map<std::string, int> PlaceIds;
  std::map<std::string, unsigned> FnRefIds;
  llvm::DenseMap<const clang::CallExpr *, std::pair<unsigned, unsigned>>
      CallEvents;
  unsigned Temps = 0;
};

/// Calls that read this process' identity: getpid(), and the runtime
/// companion header's generation (checker/runtime).
bool isProcessIdentityCall(const clang::CallExpr *CE);

} // namespace forksafe
