// SPDX-License-Identifier: Apache-2.0
// Evaluates constant expressions for all of extraction (ConstantEval.h).
#include "ConstantEval.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace forksafe {

std::optional<llvm::APSInt> constantValue(const Expr *E,
                                          const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

std::optional<int64_t> constantInt(const Expr *E, const ASTContext &Ctx) {
  std::optional<llvm::APSInt> V = constantValue(E, Ctx);
  if (!V || !V->isRepresentableByInt64())
    return std::nullopt;
  return V->getExtValue();
}

bool isNullConstant(const Expr *E, ASTContext &Ctx) {
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

} // namespace forksafe
