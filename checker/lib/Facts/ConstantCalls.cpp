// SPDX-License-Identifier: Apache-2.0
#include "ConstantCalls.h"

#include "ConstantEval.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace forksafe {

namespace {
/// A string literal (through casts and parentheses), or null.
const StringLiteral *literal(const Expr *E) {
  const auto *S = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts());
  return S && S->getCharByteWidth() == 1 ? S : nullptr;
}

/// The length of Format printed with Args, where every conversion is a
/// plain %s of a literal, %d/%i/%u/%ld/%lu/%lld/%llu/%x of an integer
/// constant, %c or %%; nullopt for anything else (widths, precisions,
/// floating point, values not known here).
std::optional<int64_t> formattedLength(StringRef Format,
                                       ArrayRef<const Expr *> Args,
                                       const ASTContext &Ctx) {
  int64_t Length = 0;
  size_t Next = 0;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%') {
      ++Length;
      continue;
    }
    if (++I >= Format.size())
      return std::nullopt;
    if (Format[I] == '%') {
      ++Length;
      continue;
    }
    unsigned Longs = 0;
    while (I < Format.size() && Format[I] == 'l' && Longs < 2) {
      ++Longs;
      ++I;
    }
    if (I >= Format.size() || Next >= Args.size())
      return std::nullopt;
    const Expr *Arg = Args[Next++];
    char Conv = Format[I];
    if (Conv == 's' && Longs == 0) {
      const StringLiteral *S = literal(Arg);
      if (!S)
        return std::nullopt;
      Length += int64_t(S->getString().size());
    } else if (Conv == 'c' && Longs == 0) {
      ++Length;
    } else if (Conv == 'd' || Conv == 'i' || Conv == 'u' || Conv == 'x') {
      std::optional<llvm::APSInt> Value = constantValue(Arg, Ctx);
      if (!Value)
        return std::nullopt;
      llvm::APSInt V = *Value;
      bool Signed = Conv == 'd' || Conv == 'i';
      unsigned Bits = Longs ? 64 : 32;
      llvm::APSInt W = V.extOrTrunc(Bits);
      W.setIsUnsigned(!Signed);
      llvm::SmallString<24> Text;
      W.toString(Text, Conv == 'x' ? 16 : 10);
      Length += int64_t(Text.size());
    } else {
      return std::nullopt;
    }
  }
  return Next == Args.size() ? std::optional<int64_t>(Length) : std::nullopt;
}
} // namespace

std::optional<int64_t> constantCallResult(const CallExpr *CE,
                                          const ASTContext &Ctx) {
  unsigned FormatIndex;
  switch (CE->getBuiltinCallee()) {
  case Builtin::BIsprintf:
  case Builtin::BI__builtin_sprintf:
    FormatIndex = 1;
    break;
  case Builtin::BIsnprintf:
  case Builtin::BI__builtin_snprintf:
    FormatIndex = 2;
    break;
  case Builtin::BI__builtin___sprintf_chk: // _FORTIFY_SOURCE
    FormatIndex = 3;
    break;
  case Builtin::BI__builtin___snprintf_chk:
    FormatIndex = 4;
    break;
  default:
    return std::nullopt;
  }
  if (CE->getNumArgs() <= FormatIndex)
    return std::nullopt;
  const StringLiteral *Format = literal(CE->getArg(FormatIndex));
  if (!Format)
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Args(
      CE->arguments().begin() + FormatIndex + 1, CE->arguments().end());
  return formattedLength(Format->getString(), Args, Ctx);
}

} // namespace forksafe
