// SPDX-License-Identifier: Apache-2.0
/// What extraction shares across one translation unit: the rules and
/// options, the handle-type, hook and USR lookups, source locations as the
/// facts spell them, and the TU-wide records that both the declaration walk
/// (DeclarationFacts.cpp) and the function encoder (FunctionEncoder.h) add
/// to: handle variables, hook bindings, pointer slots and function tables.
#pragma once

#include "FunctionTables.h"
#include "HandleRefs.h"
#include "HandleVariables.h"
#include "Hooks.h"
#include "SlotFacts.h"

#include "forksafe/Extract.h"
#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class NamedDecl;
class SourceManager;
class UnaryOperator;
} // namespace clang

namespace forksafe {

/// A declaration's qualified name without template arguments, as rule files
/// spell it: 'pqxx::transaction<>::transaction' ->
/// 'pqxx::transaction::transaction'.
std::string ruleName(const clang::NamedDecl *D);

/// Source locations as the facts spell them: the expansion location, in a
/// file named by its absolute path without '.' and '..'.
class FactLocations {
public:
  explicit FactLocations(clang::SourceManager &SM) : SM(SM) {}
  Location location(clang::SourceLocation L);
  std::string normalizedPath(llvm::StringRef Name);

private:
  clang::SourceManager &SM;
  llvm::StringMap<std::string> PathCache;
};

class ExtractContext {
public:
  ExtractContext(clang::ASTContext &Ctx, const RuleSet &Rules,
                 const ExtractOptions &Options);

  Location location(clang::SourceLocation L) { return Locations.location(L); }
  /// ruleName(D), cached.
  const std::string &ruleNameOf(const clang::NamedDecl *D);
  /// Records that Fn is handed to a framework at Loc.
  void noteHook(const HookRule &Rule, const clang::FunctionDecl *Fn,
                clang::SourceLocation Loc);

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  const RuleSet &Rules;
  ExtractOptions Options;
  HandleTypes Types;
  HookMatcher Hooks;
  UsrCache Usrs;
  FactLocations Locations;
  HandleVariables Handles;
  SlotFacts Slots;
  FunctionTables Tables;
  std::vector<HookBinding> HookBindings;
  /// '&g' handed to a call the analysis follows: its stores there are
  /// mapped back (the linker distrusts g if the callee has no body).
  llvm::DenseSet<const clang::UnaryOperator *> ModelledAddressArgs;

private:
  llvm::DenseMap<const clang::NamedDecl *, std::string> RuleNames;
};

} // namespace forksafe
