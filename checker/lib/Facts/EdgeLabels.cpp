// SPDX-License-Identifier: Apache-2.0
// Labels a block's edges with the value of its branch condition that takes
// each (true/false, or a switch's case labels) and records the value a
// 'return' hands back (FunctionEncoder.h).
#include "FunctionEncoder.h"

#include "ConstantEval.h"

#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"

using namespace clang;

namespace forksafe {

/// 'return <value>;': what the function returns on this block's edge into
/// the exit block.
void FunctionEncoder::labelReturn(const CFGBlock &B, Block &Out) {
  if (!Values)
    return;
  const ReturnStmt *Return = nullptr;
  for (const CFGElement &E : B)
    if (auto S = E.getAs<CFGStmt>())
      if (const auto *R = dyn_cast<ReturnStmt>(S->getStmt()))
        Return = R;
  if (!Return || !Return->getRetValue())
    return;
  std::string V = Values->encode(Return->getRetValue());
  if (V != "?")
    Out.Return = std::move(V);
}

/// The edges out of a branch, labelled by the value of its condition that
/// takes each: true/false, or the case labels of a switch.
void FunctionEncoder::labelEdges(const CFGBlock &B, Block &Out) {
  const Stmt *Term = B.getTerminatorStmt();
  std::string Cond = Values && Term ? Values->condition(B) : "";
  std::vector<const CFGBlock *> Succs;
  for (const CFGBlock::AdjacentBlock &A : B.succs())
    Succs.push_back(A.getReachableBlock());
  auto add = [&](const CFGBlock *To, Edge::Label When,
                 std::vector<int64_t> Cases = {}) {
    if (!To)
      return; // clang found this branch unreachable
    Edge E;
    E.To = To->getBlockID();
    E.When = Cond.empty() ? Edge::Always : When;
    if (E.When == Edge::Case)
      E.Cases = std::move(Cases);
    Out.Succs.push_back(std::move(E));
  };
  if (!Cond.empty() && isa<SwitchStmt>(Term)) {
    for (const CFGBlock *To : Succs) {
      const auto *CS =
          To ? dyn_cast_or_null<CaseStmt>(To->getLabel()) : nullptr;
      std::optional<int64_t> Label = CS && !CS->getRHS()
                                         ? constantInt(CS->getLHS(), TU.Ctx)
                                         : std::nullopt;
      if (!CS) {
        add(To, Edge::Default);
      } else if (Label) {
        add(To, Edge::Case, {*Label});
      } else {
        add(To, Edge::Always); // 'case 1 ... 5:' (GNU): either way
      }
    }
  } else if (!Cond.empty() && Succs.size() == 2 && Parents &&
             guardsEachElementCall(Term, *Parents)) {
    // 'if (list[i]->tidy) list[i]->tidy();' in a loop that calls each
    // element's function: the call runs them all (Event::EachElement).
    Cond.clear();
    add(Succs[0], Edge::Always);
  } else if (!Cond.empty() && Succs.size() == 2) {
    add(Succs[0], Edge::True);
    add(Succs[1], Edge::False);
  } else {
    Cond.clear();
    for (const CFGBlock *To : Succs)
      add(To, Edge::Always);
  }
  Out.Cond = std::move(Cond);
}

} // namespace forksafe
