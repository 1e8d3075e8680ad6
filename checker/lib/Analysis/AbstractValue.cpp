// SPDX-License-Identifier: Apache-2.0
#include "AbstractValue.h"

#include <algorithm>

namespace forksafe {

bool AbsVal::leq(const AbsVal &O) const {
  if (empty())
    return true;
  if (Lo < O.Lo || Hi > O.Hi)
    return false;
  if (O.NonZero && mayBeZero())
    return false;
  return O.Pid == NotPid || O.Pid == Pid;
}

AbsVal AbsVal::join(const AbsVal &O) const {
  if (empty())
    return O;
  if (O.empty())
    return *this;
  AbsVal A;
  A.Lo = std::min(Lo, O.Lo);
  A.Hi = std::max(Hi, O.Hi);
  A.NonZero = !mayBeZero() && !O.mayBeZero();
  A.Pid = Pid == O.Pid ? Pid : NotPid;
  return A;
}

AbsVal AbsVal::widen(const AbsVal &Old) const {
  AbsVal A = Old.join(*this);
  if (A.Lo < Old.Lo)
    A.Lo = Min;
  if (A.Hi > Old.Hi)
    A.Hi = Max;
  return A;
}

AbsVal AbsVal::meet(const AbsVal &O) const {
  AbsVal A;
  A.Lo = std::max(Lo, O.Lo);
  A.Hi = std::min(Hi, O.Hi);
  A.NonZero = NonZero || O.NonZero;
  // Shrink a bound that sits on an excluded zero.
  if (A.NonZero && A.Lo == 0 && A.Hi > 0)
    A.Lo = 1;
  else if (A.NonZero && A.Hi == 0 && A.Lo < 0)
    A.Hi = -1;
  A.Pid = Pid != NotPid ? Pid : O.Pid;
  return A;
}

const AbsVal *Env::find(uint32_t Place) const {
  auto It = std::lower_bound(
      Entries.begin(), Entries.end(), Place,
      [](const Entry &E, uint32_t P) { return E.first < P; });
  return It != Entries.end() && It->first == Place ? &It->second : nullptr;
}

void Env::set(uint32_t Place, const AbsVal &V) {
  auto It = std::lower_bound(
      Entries.begin(), Entries.end(), Place,
      [](const Entry &E, uint32_t P) { return E.first < P; });
  bool Present = It != Entries.end() && It->first == Place;
  if (V.isTop()) {
    if (Present)
      Entries.erase(It);
    return;
  }
  if (Present)
    It->second = V;
  else
    Entries.insert(It, Entry{Place, V});
}

bool Env::leq(const Env &O) const {
  // Every constraint of O must hold here. Both are sorted by place: one
  // walk (environments hold hundreds of globals on large programs).
  const Entry *Mine = Entries.begin(), *MineEnd = Entries.end();
  for (const Entry &E : O.Entries) {
    while (Mine != MineEnd && Mine->first < E.first)
      ++Mine;
    if (Mine == MineEnd || Mine->first != E.first ||
        !Mine->second.leq(E.second))
      return false;
  }
  return true;
}

bool Env::join(const Env &O, bool Widen) {
  // Only places both constrain stay constrained.
  bool Changed = false;
  Entry *Out = Entries.begin();
  const Entry *Theirs = O.Entries.begin(), *TheirsEnd = O.Entries.end();
  for (Entry &E : Entries) {
    while (Theirs != TheirsEnd && Theirs->first < E.first)
      ++Theirs;
    if (Theirs == TheirsEnd || Theirs->first != E.first) {
      Changed = true;
      continue;
    }
    AbsVal J =
        Widen ? Theirs->second.widen(E.second) : E.second.join(Theirs->second);
    if (J.isTop()) {
      Changed = true;
      continue;
    }
    Changed |= J != E.second;
    *Out++ = Entry{E.first, J};
  }
  Entries.erase(Out, Entries.end());
  return Changed;
}

size_t Env::agreements(const Env &O) const {
  size_t N = 0;
  const Entry *Theirs = O.Entries.begin(), *TheirsEnd = O.Entries.end();
  for (const Entry &E : Entries) {
    while (Theirs != TheirsEnd && Theirs->first < E.first)
      ++Theirs;
    if (Theirs != TheirsEnd && Theirs->first == E.first &&
        Theirs->second == E.second)
      ++N;
  }
  return N;
}

void Env::toChild() {
  for (Entry &E : Entries)
    E.second = E.second.inChild();
}

} // namespace forksafe
