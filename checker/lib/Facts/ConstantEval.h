// SPDX-License-Identifier: Apache-2.0
/// Constant expressions, the one evaluator of extraction: the integer a
/// constant expression has (case labels, initialisers, clone()'s flags,
/// format arguments, table indexes) and whether an expression is a null
/// pointer constant. Conditions themselves are not decided here: they are
/// values the analysis evaluates (ValueEncoder.h).
#pragma once

#include "llvm/ADT/APSInt.h"

#include <cstdint>
#include <optional>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace forksafe {

/// E's value, if E is an integer constant expression (a value-dependent E
/// is none).
std::optional<llvm::APSInt> constantValue(const clang::Expr *E,
                                          const clang::ASTContext &Ctx);

/// constantValue(E) if it fits int64_t: wider constants are unknown.
std::optional<int64_t> constantInt(const clang::Expr *E,
                                   const clang::ASTContext &Ctx);

/// Whether E is a null pointer constant ('0', 'NULL', 'nullptr'); a
/// value-dependent E is not.
bool isNullConstant(const clang::Expr *E, clang::ASTContext &Ctx);

} // namespace forksafe
