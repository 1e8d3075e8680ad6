// SPDX-License-Identifier: Apache-2.0
#include "ValueEval.h"

namespace forksafe {

namespace {
using Op = ValueOp;

/// -1 unknown, 0 false, 1 true.
int compare(Op O, const AbsVal &A, const AbsVal &B) {
  if (A.empty() || B.empty())
    return -1;
  // Process identities: this process' equals itself and differs from an
  // ancestor's ('owner != getpid()' in a child).
  if (A.Pid != AbsVal::NotPid && B.Pid != AbsVal::NotPid &&
      (O == Op::Eq || O == Op::Ne)) {
    int Eq = -1;
    if (A.Pid == AbsVal::OwnPid && B.Pid == AbsVal::OwnPid)
      Eq = 1;
    else if (A.Pid != B.Pid)
      Eq = 0;
    if (Eq >= 0)
      return O == Op::Eq ? Eq : !Eq;
  }
  // Where two string literals lie is not known, only that they differ.
  if ((A.isConst() && isStringConstant(A.Lo)) ||
      (B.isConst() && isStringConstant(B.Lo)))
    if (O != Op::Eq && O != Op::Ne)
      return -1;
  auto eq = [&]() -> int {
    if (A.isConst() && B.isConst())
      return A.Lo == B.Lo;
    if (A.Hi < B.Lo || B.Hi < A.Lo)
      return 0;
    if ((A.isConst() && A.Lo == 0 && !B.mayBeZero()) ||
        (B.isConst() && B.Lo == 0 && !A.mayBeZero()))
      return 0;
    return -1;
  };
  switch (O) {
  case Op::Eq:
    return eq();
  case Op::Ne: {
    int E = eq();
    return E < 0 ? -1 : !E;
  }
  case Op::Lt:
    return A.Hi < B.Lo ? 1 : A.Lo >= B.Hi ? 0 : -1;
  case Op::Le:
    return A.Hi <= B.Lo ? 1 : A.Lo > B.Hi ? 0 : -1;
  case Op::Gt:
    return A.Lo > B.Hi ? 1 : A.Hi <= B.Lo ? 0 : -1;
  case Op::Ge:
    return A.Lo >= B.Hi ? 1 : A.Hi < B.Lo ? 0 : -1;
  default:
    return -1;
  }
}

AbsVal fromTruth(int T) {
  return T < 0 ? AbsVal::unknownBool() : AbsVal::boolean(T == 1);
}

AbsVal arithmetic(Op O, const AbsVal &A, const AbsVal &B) {
  if (A.empty() || B.empty())
    return AbsVal::top();
  // A string literal's value names it; arithmetic on it is a pointer into
  // it ('name + 5'): not null, and not another literal.
  auto literal = [](const AbsVal &V) {
    return V.isConst() && isStringConstant(V.Lo);
  };
  if (literal(A) || literal(B))
    return O == Op::Add || (O == Op::Sub && literal(A) && !literal(B))
               ? AbsVal::nonNull()
               : AbsVal::top();
  if (O == Op::Add || O == Op::Sub) {
    int64_t BLo = B.Lo, BHi = B.Hi;
    if (O == Op::Sub) {
      if (BLo == AbsVal::Min || BHi == AbsVal::Min)
        return AbsVal::top();
      BLo = -B.Hi;
      BHi = -B.Lo;
    }
    int64_t Lo, Hi;
    bool LoOk = A.Lo != AbsVal::Min && BLo != AbsVal::Min &&
                !__builtin_add_overflow(A.Lo, BLo, &Lo);
    bool HiOk = A.Hi != AbsVal::Max && BHi != AbsVal::Max &&
                !__builtin_add_overflow(A.Hi, BHi, &Hi);
    return AbsVal::range(LoOk ? Lo : AbsVal::Min, HiOk ? Hi : AbsVal::Max);
  }
  if (O == Op::And && B.isConst() && B.Lo >= 0 && (A.Lo >= 0 || A.isConst())) {
    if (A.isConst())
      return AbsVal::constant(A.Lo & B.Lo);
    return AbsVal::range(0, B.Lo);
  }
  if (!A.isConst() || !B.isConst())
    return AbsVal::top();
  int64_t X = A.Lo, Y = B.Lo, R = 0;
  switch (O) {
  case Op::Mul:
    if (__builtin_mul_overflow(X, Y, &R))
      return AbsVal::top();
    break;
  case Op::Div:
  case Op::Rem:
    if (Y == 0 || (X == AbsVal::Min && Y == -1))
      return AbsVal::top();
    R = O == Op::Div ? X / Y : X % Y;
    break;
  case Op::And: R = X & Y; break;
  case Op::Or: R = X | Y; break;
  case Op::Xor: R = X ^ Y; break;
  case Op::Shl:
  case Op::Shr:
    if (Y < 0 || Y > 62 || X < 0)
      return AbsVal::top();
    R = O == Op::Shl ? (X > (AbsVal::Max >> Y) ? -1 : X << Y) : X >> Y;
    if (R < 0)
      return AbsVal::top();
    break;
  default:
    return AbsVal::top();
  }
  return AbsVal::constant(R);
}

Op flipped(Op O) {
  switch (O) {
  case Op::Lt: return Op::Gt;
  case Op::Le: return Op::Ge;
  case Op::Gt: return Op::Lt;
  case Op::Ge: return Op::Le;
  default: return O;
  }
}

Op negated(Op O) {
  switch (O) {
  case Op::Eq: return Op::Ne;
  case Op::Ne: return Op::Eq;
  case Op::Lt: return Op::Ge;
  case Op::Le: return Op::Gt;
  case Op::Gt: return Op::Le;
  case Op::Ge: return Op::Lt;
  default: return O;
  }
}

/// 'Place Op C' holds: narrow Place.
bool constrain(uint32_t Place, Op O, int64_t C, Env &E, PlaceOracle &P) {
  AbsVal V = P.read(Place, E);
  switch (O) {
  case Op::Eq:
    return P.assume(Place, AbsVal::constant(C), E);
  case Op::Ne:
    if (C == 0)
      return P.assume(Place, AbsVal::nonNull(), E);
    if (V.isConst())
      return V.Lo != C;
    if (V.Lo == C)
      return P.assume(Place, AbsVal::range(C + 1, AbsVal::Max), E);
    if (V.Hi == C)
      return P.assume(Place, AbsVal::range(AbsVal::Min, C - 1), E);
    return true;
  case Op::Lt:
    return C != AbsVal::Min &&
           P.assume(Place, AbsVal::range(AbsVal::Min, C - 1), E);
  case Op::Le:
    return P.assume(Place, AbsVal::range(AbsVal::Min, C), E);
  case Op::Gt:
    return C != AbsVal::Max &&
           P.assume(Place, AbsVal::range(C + 1, AbsVal::Max), E);
  case Op::Ge:
    return P.assume(Place, AbsVal::range(C, AbsVal::Max), E);
  default:
    return true;
  }
}

bool isComparison(Op O) {
  return O == Op::Eq || O == Op::Ne || O == Op::Lt || O == Op::Le ||
         O == Op::Gt || O == Op::Ge;
}
} // namespace

const ValueNode *skipExpr(const ValueNode *N) {
  unsigned Arity = arityOf(N->Op);
  ++N;
  for (unsigned I = 0; I < Arity; ++I)
    N = skipExpr(N);
  return N;
}

AbsVal evaluate(const ValueNode *N, const Env &E, const PlaceOracle &P) {
  switch (N->Op) {
  case Op::Const:
    return AbsVal::constant(N->Imm);
  case Op::Place:
    return P.read(uint32_t(N->Imm), E);
  case Op::FnAddr:
    return N->Imm >= 0 ? AbsVal::function(uint32_t(N->Imm)) : AbsVal::nonNull();
  case Op::NonNull:
  case Op::AddrOf:
    return AbsVal::nonNull();
  case Op::SelfPid:
    return AbsVal::ownPid();
  case Op::Unknown:
    return AbsVal::top();
  case Op::FnPtr: {
    // A function-pointer table the program binds before use is not null
    // on any path that matters: only a known null is null.
    AbsVal V = evaluate(N + 1, E, P);
    return V.isTop() ? AbsVal::nonNull() : V;
  }
  case Op::Not: {
    int T = evaluate(N + 1, E, P).truth();
    return fromTruth(T < 0 ? -1 : !T);
  }
  case Op::Neg: {
    AbsVal A = evaluate(N + 1, E, P);
    if (A.empty() || A.Lo == AbsVal::Min)
      return AbsVal::top();
    AbsVal R = AbsVal::range(-A.Hi, -A.Lo);
    R.NonZero = A.NonZero;
    return R;
  }
  case Op::BitNot: {
    AbsVal A = evaluate(N + 1, E, P);
    return A.isConst() ? AbsVal::constant(~A.Lo) : AbsVal::top();
  }
  case Op::LAnd:
  case Op::LOr: {
    const ValueNode *R = skipExpr(N + 1);
    int A = evaluate(N + 1, E, P).truth();
    int B = evaluate(R, E, P).truth();
    if (N->Op == Op::LAnd)
      return fromTruth(A == 0 || B == 0 ? 0 : A == 1 && B == 1 ? 1 : -1);
    return fromTruth(A == 1 || B == 1 ? 1 : A == 0 && B == 0 ? 0 : -1);
  }
  case Op::Elem: {
    // 'table[i].f': element i's initial value, if f is never written.
    const ValueNode *Index = skipExpr(N + 1);
    if (const std::vector<AbsVal> *Col = P.column(N->Imm)) {
      AbsVal I = evaluate(Index, E, P);
      constexpr int64_t MaxJoined = 64;
      if (!I.empty() && I.Lo >= 0 && I.Hi < int64_t(Col->size()) &&
          I.Hi - I.Lo < MaxJoined) {
        AbsVal V = (*Col)[size_t(I.Lo)];
        for (int64_t K = I.Lo + 1; K <= I.Hi; ++K)
          V = V.join((*Col)[size_t(K)]);
        if (!V.isTop())
          return V;
      }
    }
    return evaluate(N + 1, E, P);
  }
  case Op::Cond: {
    const ValueNode *T = skipExpr(N + 1);
    const ValueNode *F = skipExpr(T);
    int C = evaluate(N + 1, E, P).truth();
    if (C == 1)
      return evaluate(T, E, P);
    if (C == 0)
      return evaluate(F, E, P);
    return evaluate(T, E, P).join(evaluate(F, E, P));
  }
  default:
    break;
  }
  // Binary operators.
  const ValueNode *R = skipExpr(N + 1);
  AbsVal A = evaluate(N + 1, E, P), B = evaluate(R, E, P);
  if (isComparison(N->Op))
    return fromTruth(compare(N->Op, A, B));
  return arithmetic(N->Op, A, B);
}

bool refine(const ValueNode *N, bool Want, Env &E, PlaceOracle &P) {
  int T = evaluate(N, E, P).truth();
  if (T >= 0 && T != int(Want))
    return false;
  switch (N->Op) {
  case Op::Not:
    return refine(N + 1, !Want, E, P);
  case Op::Place:
    return P.assume(uint32_t(N->Imm),
                    Want ? AbsVal::nonNull() : AbsVal::constant(0), E);
  case Op::LAnd:
  case Op::LOr: {
    const ValueNode *R = skipExpr(N + 1);
    // 'a && b' true: both true; 'a || b' false: both false.
    bool Both = (N->Op == Op::LAnd) == Want;
    if (Both)
      return refine(N + 1, Want, E, P) && refine(R, Want, E, P);
    // Otherwise one side decides when the other one cannot.
    int A = evaluate(N + 1, E, P).truth(), B = evaluate(R, E, P).truth();
    if (A == int(!Want))
      return refine(R, Want, E, P);
    if (B == int(!Want))
      return refine(N + 1, Want, E, P);
    return true;
  }
  default:
    break;
  }
  if (!isComparison(N->Op))
    return true;
  const ValueNode *L = N + 1, *R = skipExpr(N + 1);
  Op O = Want ? N->Op : negated(N->Op);
  AbsVal LV = evaluate(L, E, P), RV = evaluate(R, E, P);
  if (L->Op == Op::Place && RV.isConst())
    return constrain(uint32_t(L->Imm), O, RV.Lo, E, P);
  if (R->Op == Op::Place && LV.isConst())
    return constrain(uint32_t(R->Imm), flipped(O), LV.Lo, E, P);
  // '!x == 0' and the like: the truth of an inner test.
  if ((O == Op::Eq || O == Op::Ne) && RV.isConst() && RV.Lo == 0)
    return refine(L, O == Op::Ne, E, P);
  if ((O == Op::Eq || O == Op::Ne) && LV.isConst() && LV.Lo == 0)
    return refine(R, O == Op::Ne, E, P);
  return true;
}

bool refineEquals(const ValueNode *N, int64_t V, bool Equal, Env &E,
                  PlaceOracle &P) {
  AbsVal C = evaluate(N, E, P);
  int Eq = compare(Op::Eq, C, AbsVal::constant(V));
  if (Eq >= 0 && Eq != int(Equal))
    return false;
  if (N->Op == Op::Place)
    return constrain(uint32_t(N->Imm), Equal ? Op::Eq : Op::Ne, V, E, P);
  return true;
}

} // namespace forksafe
