// SPDX-License-Identifier: Apache-2.0
/// Value expressions of the facts (see Facts.h): their text form, written by
/// the extractor, and the parsed form the analysis evaluates.
#pragma once

#include "forksafe/Facts.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forksafe {

enum class ValueOp : uint8_t {
  // Leaves.
  Const,   // Imm
  Place,   // Imm: index into Function::Places
  FnAddr,  // Imm: index into Function::FnRefs
  NonNull, // some non-null pointer
  SelfPid, // this process' identity
  Unknown,
  // Unary.
  AddrOf, // of a place operand: '&x' passed to an out-parameter
  FnPtr,  // a function pointer's value: unknown means bound (not null)
  Not,
  Neg,
  BitNot,
  // Binary.
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  LAnd,
  LOr,
  Add,
  Sub,
  Mul,
  Div,
  Rem,
  And,
  Or,
  Xor,
  Shl,
  Shr,
  // Ternary: c ? a : b.
  Cond,
  // 'table[i].f' of a statically initialised global array of structs:
  // operands the place 'table[].f' and the index. Where no code writes
  // field f, element i's initial value; else the place's value.
  Elem,
};

/// Operands of an operator.
unsigned arityOf(ValueOp Op);
/// The operator's spelling in the text form ("==", "neg", ...).
const char *spellingOf(ValueOp Op);
/// The binary operator spelled S in C and in the text form ("+", "<<").
std::optional<ValueOp> binaryOpSpelled(std::string_view S);

struct ValueNode {
  ValueOp Op = ValueOp::Unknown;
  int64_t Imm = 0;
};

/// An expression in prefix order: Nodes[0] is the root, its operands follow
/// it, each followed by its own.
struct ValueExpr {
  std::vector<ValueNode> Nodes;
  bool empty() const { return Nodes.empty(); }
};

/// Parses the text form; nullopt on a syntax error, or on a place or
/// function index at or above NumPlaces / NumFnRefs.
std::optional<ValueExpr> parseValueExpr(std::string_view Text,
                                        size_t NumPlaces, size_t NumFnRefs);

/// A string literal's value: a constant above any integer a program
/// compares a pointer with, below functions' addresses (AbsVal), named by
/// its bytes, so that the same name registered in one file and dispatched
/// in another is one value ('pr_event_generate("core.exit")').
constexpr int64_t StringConstantBase = int64_t(1) << 59;
constexpr int64_t StringConstantSpan = int64_t(1) << 48;
int64_t stringConstant(std::string_view Bytes);
inline bool isStringConstant(int64_t V) {
  return V >= StringConstantBase && V < StringConstantBase + StringConstantSpan;
}

/// The text form, for the extractor: builds an expression from parts.
namespace vx {
std::string constant(int64_t V);
std::string place(unsigned Index);
std::string fnAddr(unsigned Index);
inline std::string nonNull() { return "n"; }
inline std::string selfPid() { return "g"; }
inline std::string unknown() { return "?"; }
std::string apply(ValueOp Op, const std::vector<std::string> &Operands);
} // namespace vx

/// "" if the value parts of F are consistent (places and function indices
/// in range, expressions well formed); else why not, for the facts readers.
std::string checkValues(const Function &F);

} // namespace forksafe
