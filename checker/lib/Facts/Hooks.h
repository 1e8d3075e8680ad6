// SPDX-License-Identifier: Apache-2.0
/// Recognising how a module hands functions to its framework: struct
/// fields (initialisers and stores), function-pointer typedefs, registration
/// calls, names, name prefixes and annotations (rules/frameworks/*.json).
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/AST/Type.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace clang {
class Expr;
class FieldDecl;
class FunctionDecl;
class RecordDecl;
} // namespace clang

namespace forksafe {

class HookMatcher {
public:
  explicit HookMatcher(const RuleSet &Rules);
  bool empty() const { return Rules.Hooks.empty(); }
  /// Whether some rule registers hooks through a call of Callee.
  bool registers(const std::string &Callee) const {
    return ByRegister.count(Callee) != 0;
  }
  /// A function stored into a field (initialiser or assignment).
  const HookRule *forField(const clang::RecordDecl *RD,
                           const clang::FieldDecl *F) const;
  /// A function stored into an lvalue of a function-pointer typedef.
  const HookRule *forType(clang::QualType T) const;
  const HookRule *forRegister(const std::string &Callee, unsigned Arg) const;
  /// Hooks a function is by its own name, prefix, type or annotation.
  std::vector<const HookRule *> forFunction(const clang::FunctionDecl *FD) const;
  /// Whether RD has fields of all these names (a hook's 'struct-has').
  static bool hasFields(const clang::RecordDecl *RD,
                        const std::vector<std::string> &Names);

private:
  const RuleSet &Rules;
  /// Register rules by the registration function's name, in rule order.
  std::unordered_map<std::string, std::vector<const HookRule *>> ByRegister;
};

/// The function an expression names ('fn', '&fn', '(cast)fn'), if any.
const clang::FunctionDecl *functionRef(const clang::Expr *E);

/// The binding's note: the rule's note with %s replaced by the function.
std::string hookNote(const HookRule &Rule, const std::string &Function);

} // namespace forksafe
