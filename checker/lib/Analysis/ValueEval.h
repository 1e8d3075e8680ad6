// SPDX-License-Identifier: Apache-2.0
/// Evaluating value expressions (forksafe/ValueExpr.h, compiled with place
/// ids) over an environment, and narrowing an environment to the states in
/// which a branch condition has a given truth: what lets 'if (pid == 0)'
/// after 'pid = start_worker()' send the child and the parent apart.
#pragma once

#include "AbstractValue.h"

#include <vector>

#include "forksafe/ValueExpr.h"

namespace forksafe {

/// What the analysis knows of places beyond the environment (handles, bound
/// function pointers), and how it narrows them.
class PlaceOracle {
public:
  virtual ~PlaceOracle() = default;
  virtual AbsVal read(uint32_t Place, const Env &E) const { return E.get(Place); }
  /// Place is known to hold a value of V: false if it cannot.
  virtual bool assume(uint32_t Place, const AbsVal &V, Env &E) {
    AbsVal M = read(Place, E).meet(V);
    if (M.empty())
      return false;
    E.set(Place, M);
    return true;
  }
  /// The initial values, by index, of a table's field no code writes
  /// (an Elem node's column); null where there are none.
  virtual const std::vector<AbsVal> *column(int64_t Id) const {
    (void)Id;
    return nullptr;
  }
};

/// An expression is a pointer to its root node, in prefix order, with place
/// ids in Place nodes.
AbsVal evaluate(const ValueNode *Expr, const Env &E, const PlaceOracle &P);
/// Narrows E to the states where Expr is true (Want) or false; false if
/// there are none. 'if (!c)', 'pid == 0', 'rank > 0 && x', ...
bool refine(const ValueNode *Expr, bool Want, Env &E, PlaceOracle &P);
/// The same for a switch on Expr: its value is V / differs from V.
bool refineEquals(const ValueNode *Expr, int64_t V, bool Equal, Env &E,
                  PlaceOracle &P);
/// The node after Expr's subtree.
const ValueNode *skipExpr(const ValueNode *Expr);

} // namespace forksafe
