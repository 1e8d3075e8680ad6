// SPDX-License-Identifier: Apache-2.0
/// Recognising handle types, and resolving an expression to the handle it
/// names: a global, a local, a parameter, a member of one of those, or a local
/// pointer that aliases one of those ('MYSQL *db = g_db;', 'st = &app').
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class NamedDecl;
class Stmt;
class TypedefNameDecl;
class VarDecl;
} // namespace clang

namespace forksafe {

/// The handle type a std wrapper holds: unique_ptr<T>, optional<T>,
/// vector<T>, map<K, T>...; null for anything else.
clang::QualType wrappedType(clang::QualType T);
bool isStdWrapper(clang::QualType T);

class HandleTypes {
public:
  HandleTypes(const RuleSet &Rules, clang::ASTContext &Ctx);
  /// Remembers a typedef of a handle type so that the type is also known
  /// under its canonical spelling ('struct pg_conn *').
  void noteTypedef(const clang::TypedefNameDecl *TD);
  /// The handle rule for a type, looking through pointers, references,
  /// arrays and typedefs.
  const HandleRule *match(clang::QualType T) const;
  /// Changes whenever a typedef makes more types match: what was computed
  /// from match() before is stale.
  unsigned generation() const { return Generation; }

private:
  const HandleRule *matchUncached(clang::QualType T) const;
  /// Rules.handleType(D's qualified name), with a cheap test for the
  /// common miss.
  const HandleRule *byName(const clang::NamedDecl *D) const;
  const RuleSet &Rules;
  clang::ASTContext &Ctx;
  std::map<const clang::Type *, const HandleRule *> Canonical;
  unsigned Generation = 0;
  /// match() by type (with qualifiers), for the current generation.
  mutable llvm::DenseMap<void *, const HandleRule *> Cache;
  mutable unsigned CacheGeneration = 0;
  /// The last identifier of every rule's type name ('PGconn' of
  /// 'pqxx::PGconn'): a name whose last part is not among them matches none.
  llvm::StringSet<> LastNames;
};

/// USRs, cached (generating one walks the decl context). A file-local
/// entity's ('static') gets its translation unit's main file as a suffix.
class UsrCache {
public:
  const std::string &of(const clang::Decl *D);

private:
  const std::string &translationUnitSuffix(clang::ASTContext &Ctx);
  std::map<const clang::Decl *, std::string> Cache;
  std::string Suffix;
};

class RefResolver {
public:
  RefResolver(const clang::FunctionDecl *FD, UsrCache &Usrs,
              const HandleTypes &Types);
  /// Finds local pointers that alias a global or a parameter in Body.
  void buildAliases(const clang::Stmt *Body);
  std::optional<HandleRef> resolve(const clang::Expr *E) const;
  /// Whether V is a local alias of something else (its own writes are not
  /// handle events).
  bool isAlias(const clang::VarDecl *V) const { return Aliases.count(V); }
  /// The handle a variable itself names (through its alias, if any).
  HandleRef refOfVar(const clang::VarDecl *V) const;
  /// The object a member function runs on ('this', bound like a parameter
  /// with index -1).
  HandleRef thisRef() const;
  /// The variable an expression like 'app.db.conn', '&m' or an alias of
  /// either is rooted at: where a finding about it points.
  const clang::VarDecl *rootVar(const clang::Expr *E) const;
  const clang::VarDecl *rootVar(const clang::VarDecl *V) const;

private:
  std::optional<HandleRef> resolveNoAlias(const clang::Expr *E) const;
  const clang::FunctionDecl *FD;
  UsrCache &Usrs;
  const HandleTypes &Types;
  struct Alias {
    HandleRef Target;
    const clang::VarDecl *Root;
  };
  std::map<const clang::VarDecl *, Alias> Aliases;
};

} // namespace forksafe
