// SPDX-License-Identifier: Apache-2.0
/// A stable sort of a vector. std::stable_sort's buffer (libstdc++'s
/// get_temporary_buffer) is deprecated, and every build that instantiated
/// it printed the warning: sorting indices with ties broken by position
/// gives the same order without it.
#pragma once

#include <algorithm>
#include <numeric>
#include <vector>

namespace forksafe {

template <class T, class Less> void stableSort(std::vector<T> &V, Less L) {
  std::vector<size_t> Order(V.size());
  std::iota(Order.begin(), Order.end(), size_t(0));
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    if (L(V[A], V[B]))
      return true;
    if (L(V[B], V[A]))
      return false;
    return A < B;
  });
  std::vector<T> Sorted;
  Sorted.reserve(V.size());
  for (size_t I : Order)
    Sorted.push_back(std::move(V[I]));
  V = std::move(Sorted);
}

} // namespace forksafe
