// SPDX-License-Identifier: Apache-2.0
// Joins of disjunctive states: at a program point and among a summary's exits.
#include "Engine.h"

#include <algorithm>

namespace forksafe {

namespace {
/// Disjuncts kept apart per kind (child or not) at a program point before
/// they are merged into one; exit cases kept apart per function.
constexpr size_t MaxDisjuncts = 4;
constexpr size_t MaxExitCases = 6;

/// How much two disjuncts agree: merging the closest loses the least (a
/// loop counter, not the flag that decided whether the handle exists).
unsigned closeness(const Disjunct &A, const Disjunct &B) {
  unsigned Score = A.H.flags() == B.H.flags() ? 1000 : 0;
  return Score + unsigned(A.V.agreements(B.V));
}
/// The assumptions of the join of A and B, when they must merge although
/// they differ in what they know of the handle (live, inherited): the count
/// of the side whose facts the join has, not the smaller count of a path on
/// which the handle does not exist. (Disjuncts that differ in handle facts
/// are otherwise kept apart: each count is then exactly its facts'.)
uint16_t joinedAssumed(const Disjunct &A, const Disjunct &B) {
  bool AMore = !A.H.leq(B.H), BMore = !B.H.leq(A.H);
  if (AMore && !BMore)
    return A.Assumed;
  if (BMore && !AMore)
    return B.Assumed;
  if (AMore && BMore)
    return std::max(A.Assumed, B.Assumed);
  return std::min(A.Assumed, B.Assumed);
}
} // namespace

void joinExit(Summary &S, ExitCase &&X) {
  // The bound is per kind (child or not, handle facts): beyond it, the
  // newcomer merges into the closest exit of its kind, the same returned
  // value first. A hook's error return with the handle open never merges
  // into its success with the handle closed.
  ExitCase *SameKind = nullptr;
  unsigned Best = 0;
  size_t Count = 0;
  for (ExitCase &E : S.Exits) {
    if (E.D.Child != X.D.Child)
      continue;
    if (E.D.V == X.D.V && E.Ret == X.Ret &&
        E.D.H.flags() == X.D.H.flags()) {
      E.D.Assumed = std::min(E.D.Assumed, X.D.Assumed);
      E.D.H.join(X.D.H);
      return;
    }
    if (E.D.H.flags() != X.D.H.flags())
      continue;
    unsigned Score = closeness(E.D, X.D) + (E.Ret == X.Ret ? 500 : 0);
    if (!SameKind || Score > Best) {
      SameKind = &E;
      Best = Score;
    }
    ++Count;
  }
  if (Count < MaxExitCases) {
    S.Exits.push_back(std::move(X));
    return;
  }
  SameKind->D.V.join(X.D.V, false);
  SameKind->D.H.join(X.D.H);
  SameKind->Ret = SameKind->Ret.join(X.Ret);
  SameKind->D.Assumed = std::min(SameKind->D.Assumed, X.D.Assumed);
}

bool joinInto(State &Dst, Disjunct &&N, bool Widen) {
  size_t Count = 0;
  for (Disjunct &E : Dst) {
    if (E.Child != N.Child)
      continue;
    if (E.H.flags() == N.H.flags() && E.V == N.V) {
      bool Changed = E.H.join(N.H);
      if (N.Assumed < E.Assumed) {
        E.Assumed = N.Assumed;
        Changed = true;
      }
      return Changed;
    }
    if (E.Assumed <= N.Assumed && N.H.leq(E.H) && N.V.leq(E.V))
      return false; // nothing new
    ++Count;
  }
  if (Count < MaxDisjuncts) {
    Dst.push_back(std::move(N));
    return true;
  }
  // Full: the newcomer merges into the closest of its kind (closeness is
  // only worth computing now).
  Disjunct *SameKind = nullptr;
  unsigned Best = 0;
  for (Disjunct &E : Dst) {
    if (E.Child != N.Child)
      continue;
    unsigned Score = closeness(E, N);
    if (!SameKind || Score > Best) {
      SameKind = &E;
      Best = Score;
    }
  }
  if (SameKind->H.flags() != N.H.flags()) {
    // No disjunct holds what the newcomer holds of the handle: rather than
    // mix "connected" with "not connected", make room by merging the two
    // closest that agree on the handle (they differ in values only).
    Disjunct *Into = nullptr, *From = nullptr;
    unsigned PairBest = 0;
    for (size_t I = 0; I < Dst.size(); ++I)
      for (size_t J = I + 1; J < Dst.size(); ++J) {
        Disjunct &A = Dst[I], &B = Dst[J];
        if (A.Child != N.Child || B.Child != N.Child ||
            A.H.flags() != B.H.flags())
          continue;
        unsigned Score = closeness(A, B);
        if (!Into || Score > PairBest) {
          Into = &A;
          From = &B;
          PairBest = Score;
        }
      }
    if (Into) {
      Into->V.join(From->V, Widen);
      Into->H.join(From->H);
      Into->Assumed = std::min(Into->Assumed, From->Assumed);
      *From = std::move(N);
      return true;
    }
  }
  uint16_t Assumed = joinedAssumed(*SameKind, N);
  bool Changed = SameKind->V.join(N.V, Widen);
  Changed |= SameKind->H.join(N.H);
  Changed |= Assumed != SameKind->Assumed;
  SameKind->Assumed = Assumed;
  return Changed;
}

} // namespace forksafe
