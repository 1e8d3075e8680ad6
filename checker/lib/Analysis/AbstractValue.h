// SPDX-License-Identifier: Apache-2.0
/// The values the analysis follows: an interval of integers (pointers are
/// integers: null is 0) with "not zero" for pointers known non-null, and
/// process identities (getpid()) marked as this process' or an ancestor's.
/// Environments map places to values; what is not in one is unknown.
#pragma once

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace forksafe {

struct AbsVal {
  static constexpr int64_t Min = std::numeric_limits<int64_t>::min();
  static constexpr int64_t Max = std::numeric_limits<int64_t>::max();
  enum PidKind : uint8_t { NotPid, OwnPid, AncestorPid };

  int64_t Lo = Min, Hi = Max;
  bool NonZero = false; // 0 is excluded even if Lo <= 0 <= Hi
  PidKind Pid = NotPid;

  static AbsVal top() { return AbsVal(); }
  static AbsVal constant(int64_t V) { return range(V, V); }
  static AbsVal range(int64_t Lo, int64_t Hi) {
    AbsVal A;
    A.Lo = Lo;
    A.Hi = Hi;
    return A;
  }
  static AbsVal nonNull() {
    AbsVal A;
    A.NonZero = true;
    return A;
  }
  static AbsVal ownPid() {
    AbsVal A = range(1, Max);
    A.Pid = OwnPid;
    return A;
  }
  static AbsVal boolean(bool B) { return constant(B ? 1 : 0); }
  /// A function's address: a constant far above any integer a program
  /// compares a function pointer with (only null and other functions).
  static constexpr int64_t FunctionBase = int64_t(1) << 60;
  static AbsVal function(uint32_t LinkId) {
    return constant(FunctionBase + LinkId);
  }
  /// The function (link id) this value is, if it is one.
  std::optional<uint32_t> functionId() const {
    if (!isConst() || Lo < FunctionBase || Lo - FunctionBase > UINT32_MAX)
      return std::nullopt;
    return uint32_t(Lo - FunctionBase);
  }
  static AbsVal unknownBool() { return range(0, 1); }

  bool isTop() const { return Lo == Min && Hi == Max && !NonZero && !Pid; }
  bool isConst() const { return Lo == Hi; }
  bool mayBeZero() const { return Lo <= 0 && Hi >= 0 && !NonZero; }
  bool mayBeNonZero() const { return !(Lo == 0 && Hi == 0); }
  /// 1: certainly true (non-zero), 0: certainly false, -1: either.
  int truth() const {
    if (!mayBeZero())
      return 1;
    if (!mayBeNonZero())
      return 0;
    return -1;
  }
  bool empty() const { return Lo > Hi || (Lo == 0 && Hi == 0 && NonZero); }
  bool operator==(const AbsVal &O) const {
    return Lo == O.Lo && Hi == O.Hi && NonZero == O.NonZero && Pid == O.Pid;
  }
  bool operator!=(const AbsVal &O) const { return !(*this == O); }
  /// Whether every value of this is a value of O.
  bool leq(const AbsVal &O) const;
  AbsVal join(const AbsVal &O) const;
  /// The join, with bounds that grew beyond Old's pushed to the limits:
  /// loops that count terminate.
  AbsVal widen(const AbsVal &Old) const;
  /// Both at once; empty() if they exclude each other.
  AbsVal meet(const AbsVal &O) const;
  /// After a fork, in the child: this process' identity is an ancestor's.
  AbsVal inChild() const {
    AbsVal A = *this;
    if (A.Pid == OwnPid)
      A.Pid = AncestorPid;
    return A;
  }
};

/// Place id -> value, sorted by place id; absent: unknown.
class Env {
public:
  using Entry = std::pair<uint32_t, AbsVal>;
  const AbsVal *find(uint32_t Place) const;
  AbsVal get(uint32_t Place) const {
    const AbsVal *V = find(Place);
    return V ? *V : AbsVal::top();
  }
  /// Stores V (an unknown value removes the entry).
  void set(uint32_t Place, const AbsVal &V);
  void erase(uint32_t Place) { set(Place, AbsVal::top()); }
  bool operator==(const Env &O) const { return Entries == O.Entries; }
  bool operator!=(const Env &O) const { return !(Entries == O.Entries); }
  bool leq(const Env &O) const;
  /// How many places both constrain to the same value.
  size_t agreements(const Env &O) const;
  /// Joins O into this (widening against this when Widen); returns whether
  /// this changed.
  bool join(const Env &O, bool Widen);
  /// The child's view after a fork.
  void toChild();
  const Entry *begin() const { return Entries.begin(); }
  const Entry *end() const { return Entries.end(); }
  size_t size() const { return Entries.size(); }
  bool empty() const { return Entries.empty(); }
  void clear() { Entries.clear(); }
  /// Keeps the entries for which Keep(place) holds.
  template <class F> void filter(F Keep) {
    Entry *Out = Entries.begin();
    for (Entry &E : Entries)
      if (Keep(E.first))
        *Out++ = E;
    Entries.erase(Out, Entries.end());
  }

private:
  llvm::SmallVector<Entry, 2> Entries;
};

} // namespace forksafe
