// SPDX-License-Identifier: Apache-2.0
#include "forksafe/ValueExpr.h"

#include <array>
#include <charconv>
#include <cstring>

namespace forksafe {

namespace {
struct OpInfo {
  ValueOp Op;
  const char *Spelling;
  unsigned Arity;
};
// Longest spellings first where one is a prefix of another.
constexpr std::array<OpInfo, 26> Ops = {{
    {ValueOp::AddrOf, "addr", 1},
    {ValueOp::Elem, "at", 2},
    {ValueOp::FnPtr, "fnp", 1},
    {ValueOp::Eq, "==", 2},     {ValueOp::Ne, "!=", 2},
    {ValueOp::Le, "<=", 2},     {ValueOp::Ge, ">=", 2},
    {ValueOp::Shl, "<<", 2},    {ValueOp::Shr, ">>", 2},
    {ValueOp::LAnd, "&&", 2},   {ValueOp::LOr, "||", 2},
    {ValueOp::Cond, "?:", 3},   {ValueOp::Neg, "neg", 1},
    {ValueOp::Not, "!", 1},     {ValueOp::BitNot, "~", 1},
    {ValueOp::Lt, "<", 2},      {ValueOp::Gt, ">", 2},
    {ValueOp::Add, "+", 2},     {ValueOp::Sub, "-", 2},
    {ValueOp::Mul, "*", 2},     {ValueOp::Div, "/", 2},
    {ValueOp::Rem, "%", 2},     {ValueOp::And, "&", 2},
    {ValueOp::Or, "|", 2},      {ValueOp::Xor, "^", 2},
    {ValueOp::Unknown, "", 0}, // sentinel, never matched
}};

class Parser {
public:
  Parser(std::string_view T, size_t NP, size_t NF)
      : T(T), NumPlaces(NP), NumFnRefs(NF) {}

  bool parse(ValueExpr &Out) {
    if (!node(Out, 0))
      return false;
    return Pos == T.size();
  }

private:
  bool number(int64_t &V) {
    const char *B = T.data() + Pos, *E = T.data() + T.size();
    auto [Ptr, Ec] = std::from_chars(B, E, V);
    if (Ec != std::errc() || Ptr == B)
      return false;
    Pos += size_t(Ptr - B);
    return true;
  }

  bool node(ValueExpr &Out, int Depth) {
    // Deep nesting is hostile input, not code anyone writes.
    if (Depth > 200 || Pos >= T.size())
      return false;
    for (const OpInfo &I : Ops) {
      if (I.Arity == 0)
        break;
      size_t L = std::strlen(I.Spelling);
      if (T.compare(Pos, L, I.Spelling) != 0 || Pos + L >= T.size() ||
          T[Pos + L] != '(')
        continue;
      Pos += L + 1;
      Out.Nodes.push_back({I.Op, 0});
      for (unsigned A = 0; A < I.Arity; ++A) {
        if (A > 0) {
          if (Pos >= T.size() || T[Pos] != ',')
            return false;
          ++Pos;
        }
        if (!node(Out, Depth + 1))
          return false;
      }
      if (Pos >= T.size() || T[Pos] != ')')
        return false;
      ++Pos;
      return true;
    }
    char C = T[Pos];
    ValueNode N;
    if (C == 'k' || C == 'p' || C == 'f') {
      ++Pos;
      if (!number(N.Imm))
        return false;
      N.Op = C == 'k' ? ValueOp::Const : C == 'p' ? ValueOp::Place : ValueOp::FnAddr;
      if ((C == 'p' && (N.Imm < 0 || size_t(N.Imm) >= NumPlaces)) ||
          (C == 'f' && (N.Imm < 0 || size_t(N.Imm) >= NumFnRefs)))
        return false;
      Out.Nodes.push_back(N);
      return true;
    }
    if (C == 'n') {
      ++Pos;
      Out.Nodes.push_back({ValueOp::NonNull, 0});
      return true;
    }
    if (C == 'g') {
      ++Pos;
      Out.Nodes.push_back({ValueOp::SelfPid, 0});
      return true;
    }
    if (C == '?') {
      ++Pos;
      Out.Nodes.push_back({ValueOp::Unknown, 0});
      return true;
    }
    return false;
  }

  std::string_view T;
  size_t Pos = 0;
  size_t NumPlaces, NumFnRefs;
};
} // namespace

unsigned arityOf(ValueOp Op) {
  for (const OpInfo &I : Ops)
    if (I.Op == Op && I.Arity)
      return I.Arity;
  return 0;
}

const char *spellingOf(ValueOp Op) {
  for (const OpInfo &I : Ops)
    if (I.Op == Op && I.Arity)
      return I.Spelling;
  return "";
}

std::optional<ValueOp> binaryOpSpelled(std::string_view S) {
  for (const OpInfo &I : Ops)
    if (I.Arity == 2 && S == I.Spelling)
      return I.Op;
  return std::nullopt;
}

std::optional<ValueExpr> parseValueExpr(std::string_view Text,
                                        size_t NumPlaces, size_t NumFnRefs) {
  ValueExpr E;
  Parser P(Text, NumPlaces, NumFnRefs);
  if (!P.parse(E))
    return std::nullopt;
  return E;
}

int64_t stringConstant(std::string_view Bytes) {
  uint64_t Hash = 1469598103934665603ull; // FNV-1a
  for (unsigned char C : Bytes) {
    Hash ^= C;
    Hash *= 1099511628211ull;
  }
  return StringConstantBase + int64_t(Hash % uint64_t(StringConstantSpan));
}

namespace vx {
std::string constant(int64_t V) { return "k" + std::to_string(V); }
std::string place(unsigned Index) { return "p" + std::to_string(Index); }
std::string fnAddr(unsigned Index) { return "f" + std::to_string(Index); }
std::string apply(ValueOp Op, const std::vector<std::string> &Operands) {
  std::string S = spellingOf(Op);
  S += '(';
  for (size_t I = 0; I < Operands.size(); ++I) {
    if (I)
      S += ',';
    S += Operands[I];
  }
  S += ')';
  return S;
}
} // namespace vx

std::string checkValues(const Function &F) {
  size_t NP = F.Places.size(), NF = F.FnRefs.size();
  auto bad = [&](const char *What) {
    return std::string("bad ") + What + " in '" + F.Name + "'";
  };
  auto expr = [&](const std::string &S) {
    return S.empty() || parseValueExpr(S, NP, NF).has_value();
  };
  for (const Block &B : F.Blocks) {
    if (!expr(B.Cond) || !expr(B.Return))
      return bad("value expression");
    for (const Event &E : B.Events) {
      if (E.Result >= 0 && size_t(E.Result) >= NP)
        return bad("result place");
      if (E.Kind == EventKind::Assign &&
          (E.Dst < 0 || size_t(E.Dst) >= NP || !expr(E.Value)))
        return bad("assignment");
      for (const auto &[I, V] : E.ArgValues)
        if (I < 0 || !expr(V))
          return bad("argument value");
      if (!expr(E.IndirectIndex))
        return bad("table index");
      if (!expr(E.CalleeValue))
        return bad("callee value");
    }
  }
  return "";
}

} // namespace forksafe
