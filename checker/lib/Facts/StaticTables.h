// SPDX-License-Identifier: Apache-2.0
/// Statically initialised global arrays of C structs (option tables, command
/// tables, module tables): each element's scalar fields' initial values,
/// and which struct fields a TU writes. A field no code writes keeps its
/// initial value, so 'imapopts[opt].deprecated_since' with a constant 'opt'
/// is known (TUFacts::ElementInits, WrittenFields).
#pragma once

#include <map>
#include <set>
#include <string>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class Expr;
class UnaryOperator;
class VarDecl;
} // namespace clang

namespace forksafe {

class HandleTypes;
class UsrCache;

/// V's elements' scalar fields ("USR[i].field" -> value) and V's element
/// struct (USR -> struct USR), if V is such a table.
void noteElementInits(const clang::VarDecl *V, clang::ASTContext &Ctx,
                      UsrCache &Usrs, const HandleTypes &Types,
                      std::map<std::string, int64_t> &Inits,
                      std::map<std::string, std::string> &ElementTypes);

/// The struct fields a TU's code writes: by assignment, increment, by
/// taking a field's address, or whole (struct assignment, a pointer to the
/// struct handed to library code).
class FieldWrites {
public:
  FieldWrites(clang::ASTContext &Ctx, UsrCache &Usrs) : Ctx(Ctx), Usrs(Usrs) {}
  void note(const clang::BinaryOperator *BO);
  void note(const clang::UnaryOperator *UO);
  void noteLibraryCall(const clang::CallExpr *CE);
  const std::set<std::string> &written() const { return Written; }

private:
  void lvalue(const clang::Expr *E);
  void whole(const clang::Expr *E);
  clang::ASTContext &Ctx;
  UsrCache &Usrs;
  std::set<std::string> Written;
};

} // namespace forksafe
