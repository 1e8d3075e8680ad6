// SPDX-License-Identifier: Apache-2.0
/// Statically initialised tables of functions: arrays of function pointers,
/// or of structs with function-pointer members ('modules[] = {{"db",
/// db_on_stage}, ...}'), each element's function by member, unless code
/// writes the table or takes its address (TUFacts::Tables). An indirect
/// call 'table[i].fn()' names the table and the index.
#pragma once

#include "forksafe/Facts.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class VarDecl;
} // namespace clang

namespace forksafe {

class UsrCache;

/// The global variable an lvalue is rooted at, if any.
const clang::VarDecl *rootGlobal(const clang::Expr *E);

class FunctionTables {
public:
  FunctionTables(clang::ASTContext &Ctx, UsrCache &Usrs)
      : Ctx(Ctx), Usrs(Usrs) {}
  /// A file-local or const array of function pointers, or of structs with
  /// function-pointer members, initialised statically: each element's
  /// function, by member.
  void noteTable(const clang::VarDecl *V);
  /// 'table[i].fn' / 'table[i]' as a callee: the table's key and the index.
  std::pair<std::string, const clang::Expr *>
  tableElement(const clang::Expr *Callee);
  /// Code writes the elements of the table rooted at V: they are not what
  /// it was initialised with.
  void noteWritten(const clang::VarDecl *V);
  /// Moves the tables that are still what they were initialised with into
  /// F: not written, and whose address is taken neither in code
  /// (AddressTaken) nor in a table's initialiser (TableAddressed); both by
  /// the globals' USRs.
  void finish(TUFacts &F, const std::set<std::string> &AddressTaken,
              const std::set<std::string> &TableAddressed);

private:
  clang::ASTContext &Ctx;
  UsrCache &Usrs;
  std::map<std::string, std::vector<std::string>> Tables;
  std::map<std::string, std::string> TableRoots; // key -> array's USR
  std::set<std::string> WrittenTables;
};

} // namespace forksafe
