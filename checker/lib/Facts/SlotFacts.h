// SPDX-License-Identifier: Apache-2.0
/// Function-pointer and data-pointer slots: which fields, variables,
/// parameters and results a TU stores functions (or addresses of globals)
/// into, and which slots flow into which (TUFacts::FunctionSlots,
/// OpaqueSlots, SlotFlows, DataSlots). The analysis resolves indirect calls
/// through them (checker/lib/Analysis/PointsTo.cpp).
#pragma once

#include "forksafe/Facts.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace clang {
class ASTContext;
class DeclRefExpr;
class Expr;
class FunctionDecl;
class ValueDecl;
} // namespace clang

namespace forksafe {

class UsrCache;

/// The signature a std::function type calls, or null for other types.
clang::QualType functionObjectSignature(clang::QualType T);

/// Function pointers (also arrays of them and references to them) and
/// std::function objects: what a call can go through.
bool isFunctionPointerType(clang::QualType T);

/// Pointers to records or to pointers (a 'DbState *', a 'PGconn **'):
/// the data pointers a handle can be reached through.
bool isDataPointerType(clang::QualType T);

/// The function a function-pointer value names: 'fn', '&fn', a lambda,
/// a std::function made from either.
const clang::FunctionDecl *functionValue(const clang::Expr *E);

/// '*(void **)&fp' (POSIX's way to store dlsym()'s result): fp.
const clang::Expr *functionPointerBehindCast(const clang::Expr *E);

class SlotFacts {
public:
  SlotFacts(clang::ASTContext &Ctx, UsrCache &Usrs) : Ctx(Ctx), Usrs(Usrs) {}

  /// The slot an expression reads a function pointer from: a field or a
  /// variable ('table[i].fn', 'fp'), a parameter ("USR#p<i>") or a
  /// function's result ("USR#r"); "" when it is none of those.
  std::string slotName(const clang::Expr *E);
  /// The slot a field, variable or parameter is.
  std::string slotUsr(const clang::ValueDecl *D);
  /// A function-pointer argument as a flow source: "&USR" for a function
  /// (or lambda), its slot, or "?" (unknown: the callees' parameters may
  /// hold anything).
  std::string slotSource(const clang::Expr *E);
  /// Value is stored into Slot: a function (then a call through Slot can
  /// reach it), a null constant (nothing), another slot (whatever it
  /// holds), or anything else (then a call through Slot can reach any
  /// escaped function of its type).
  void noteSlotStore(const clang::Expr *Value, const std::string &Slot);
  /// '&g', '&g.a.b': "*USR\n.a.b"; a slot's name; "" for anything else.
  std::string dataSource(const clang::Expr *E);
  /// A data pointer stored into Slot: the address of a global, or what
  /// another slot holds.
  void noteDataStore(const clang::Expr *Value, const std::string &Slot);

  /// Whether DRE names a function stored into a slot (its address is
  /// taken, but a call through another pointer cannot reach it).
  bool isStoredRef(const clang::DeclRefExpr *DRE) const {
    return StoredRefs.count(DRE) != 0;
  }
  /// Whether a function (canonical declaration) was stored into a slot.
  bool isInSlot(const clang::FunctionDecl *FD) const {
    return SlotFunctionDecls.count(FD) != 0;
  }
  /// Moves the slot facts into F.
  void finish(TUFacts &F);

private:
  clang::ASTContext &Ctx;
  UsrCache &Usrs;
  // Membership only (never iterated): hash sets.
  llvm::DenseSet<const clang::DeclRefExpr *> StoredRefs;
  llvm::DenseSet<const clang::FunctionDecl *> SlotFunctionDecls;
  std::map<std::string, std::set<std::string>> FunctionSlots;
  std::set<std::string> OpaqueSlots;
  std::set<std::pair<std::string, std::string>> SlotFlows;
  std::map<std::string, std::set<std::string>> DataSlots;
};

} // namespace forksafe
