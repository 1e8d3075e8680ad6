// SPDX-License-Identifier: Apache-2.0
// The values a working configuration gives a module parameter that the
// program uses as a mode: the constants it distinguishes.
#include "ConfigDomains.h"

#include "ValueEval.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace forksafe {

namespace {

/// How each configured global is used: the constants it is told apart
/// from, or Open once a use says more (arithmetic, an order, a value
/// passed on). A copy of one ('api->db_mode = db_mode', and what a call
/// maps that member to in its caller) is the same mode.
struct Uses {
  std::unordered_map<uint32_t, uint32_t> ModeOf; // place -> mode index
  std::vector<std::set<int64_t>> Constants;      // by mode
  std::vector<char> Open;                        // by mode
  bool Grew = false;

  const uint32_t *mode(const ValueNode *X) const {
    if (X->Op != ValueOp::Place)
      return nullptr;
    auto It = ModeOf.find(uint32_t(X->Imm));
    return It == ModeOf.end() ? nullptr : &It->second;
  }
  void copy(uint32_t Into, uint32_t Mode) {
    if (ModeOf.emplace(Into, Mode).second)
      Grew = true;
  }
  /// Walks the expression at X, where Truth says whether X's value is only
  /// tested for being non-zero; returns the node after it.
  const ValueNode *visit(const ValueNode *X, bool Truth) {
    switch (X->Op) {
    case ValueOp::Place:
      if (const uint32_t *M = mode(X)) {
        if (Truth)
          Constants[*M].insert({0, 1});
        else
          Open[*M] = true;
      }
      return X + 1;
    case ValueOp::Eq:
    case ValueOp::Ne: {
      const ValueNode *A = X + 1, *B = skipExpr(A);
      if (const uint32_t *M = mode(A); M && B->Op == ValueOp::Const) {
        Constants[*M].insert(B->Imm);
        return B + 1;
      }
      if (const uint32_t *M = mode(B); M && A->Op == ValueOp::Const) {
        Constants[*M].insert(A->Imm);
        return B + 1;
      }
      return visit(visit(A, false), false);
    }
    case ValueOp::Not:
      return visit(X + 1, true);
    case ValueOp::LAnd:
    case ValueOp::LOr:
      return visit(visit(X + 1, true), true);
    case ValueOp::Cond: {
      const ValueNode *Next = visit(X + 1, true);
      return visit(visit(Next, false), false);
    }
    default: {
      const ValueNode *Next = X + 1;
      for (unsigned I = 0; I < arityOf(X->Op); ++I)
        Next = visit(Next, false);
      return Next;
    }
    }
  }
  void visitExpr(const FlowGraph &G, uint32_t Expr, bool Truth) {
    if (Expr != FlowGraph::NoExpr)
      visit(G.expr(Expr), Truth);
  }
};

/// One pass over the whole graph: every use of every mode's places.
void scan(const FlowGraph &G, Uses &U) {
  for (uint32_t F = 0; F < G.numFunctions(); ++F) {
    const FlowGraph::Function &Fn = G.function(F);
    for (unsigned B = 0; B < Fn.NumBlocks; ++B) {
      const FlowGraph::Block &Bl = G.block(Fn, B);
      bool Switch = false, Test = false;
      for (const FlowGraph::Edge *E = G.edgesBegin(Bl); E != G.edgesEnd(Bl);
           ++E) {
        Switch |= E->When == forksafe::Edge::Case ||
                  E->When == forksafe::Edge::Default;
        Test |= E->When == forksafe::Edge::True ||
                E->When == forksafe::Edge::False;
      }
      const uint32_t *Switched =
          Bl.Cond != FlowGraph::NoExpr && Switch ? U.mode(G.expr(Bl.Cond))
                                                 : nullptr;
      if (Switched) {
        for (const FlowGraph::Edge *E = G.edgesBegin(Bl); E != G.edgesEnd(Bl);
             ++E)
          if (E->When == forksafe::Edge::Case)
            U.Constants[*Switched].insert(E->Facts->Cases.begin(),
                                          E->Facts->Cases.end());
      } else {
        U.visitExpr(G, Bl.Cond, Test);
      }
      U.visitExpr(G, Bl.Return, false);
      for (const FlowGraph::Event *E = G.eventsBegin(Bl); E != G.eventsEnd(Bl);
           ++E) {
        if (E->Dst != FlowGraph::NoRef) {
          const ValueNode *V = G.expr(E->Value);
          auto Into = U.ModeOf.find(E->Dst);
          if (Into != U.ModeOf.end()) {
            if (V->Op == ValueOp::Const)
              U.Constants[Into->second].insert(V->Imm);
            else if (const uint32_t *M = U.mode(V); !M || *M != Into->second)
              U.Open[Into->second] = true;
          } else if (const uint32_t *M = U.mode(V)) {
            U.copy(E->Dst, *M);
          } else {
            U.visitExpr(G, E->Value, false);
          }
        }
        U.visitExpr(G, E->TableIndex, false);
        U.visitExpr(G, E->CalleeValue, false);
        // Passed to code without a body (a logging macro's printf), it
        // decides nothing; passed to a function of the program, its
        // parameter may be used any way.
        if (G.targetsBegin(*E) != G.targetsEnd(*E))
          for (const FlowGraph::ArgValue *A = G.argsBegin(*E);
               A != G.argsEnd(*E); ++A)
            U.visitExpr(G, A->Expr, false);
        for (const FlowGraph::PlaceMap *M = G.mapBegin(*E); M != G.mapEnd(*E);
             ++M)
          if (auto It = U.ModeOf.find(M->Callee); It != U.ModeOf.end())
            U.copy(M->Caller, It->second);
      }
    }
  }
}

} // namespace

std::map<uint32_t, AbsVal>
configDomains(const FlowGraph &G, const std::vector<uint32_t> &Configured,
              const std::map<uint32_t, int64_t> &Initial) {
  Uses U;
  std::vector<uint32_t> Modes;
  for (uint32_t Place : Configured)
    if (auto Init = Initial.find(Place); Init != Initial.end()) {
      // No known initial value: the default could be anything.
      U.ModeOf.emplace(Place, uint32_t(Modes.size()));
      Modes.push_back(Place);
    }
  std::map<uint32_t, AbsVal> Out;
  if (Modes.empty())
    return Out;
  // Until no new copy appears (each pass starts afresh: a copy found late
  // may have been used before it was known).
  do {
    U.Grew = false;
    U.Constants.assign(Modes.size(), {});
    U.Open.assign(Modes.size(), 0);
    for (uint32_t M = 0; M < Modes.size(); ++M)
      U.Constants[M].insert(Initial.at(Modes[M]));
    scan(G, U);
  } while (U.Grew);
  // One value told apart from the rest ('if (mode == 0)') says nothing of
  // the others: at least two.
  for (uint32_t M = 0; M < Modes.size(); ++M)
    if (!U.Open[M] && U.Constants[M].size() >= 2)
      Out.emplace(Modes[M], AbsVal::range(*U.Constants[M].begin(),
                                          *U.Constants[M].rbegin()));
  return Out;
}

} // namespace forksafe
