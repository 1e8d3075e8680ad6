// SPDX-License-Identifier: Apache-2.0
#include "FlowGraph.h"

#include <string_view>
#include <unordered_map>

namespace forksafe {

namespace {
/// Interns handle references by their fields: a handle's analysis decides
/// once per distinct reference whether it names the handle.
class RefInterner {
public:
  explicit RefInterner(std::vector<const HandleRef *> &Refs) : Refs(Refs) {}
  uint32_t intern(const HandleRef &R) {
    Key.assign(1, char('0' + R.Kind));
    Key += std::to_string(R.ParamIndex);
    Key += '\0';
    Key += R.Var;
    Key += '\0';
    Key += R.Path;
    auto [It, New] = Ids.try_emplace(Key, uint32_t(Refs.size()));
    if (New)
      Refs.push_back(&R);
    return It->second;
  }

private:
  std::vector<const HandleRef *> &Refs;
  std::unordered_map<std::string, uint32_t> Ids;
  std::string Key;
};
} // namespace

FlowGraph::FlowGraph(const Program &P) {
  RefInterner Interner(Refs);
  Functions.reserve(P.ById.size());
  for (const forksafe::Function *F : P.ById) {
    Functions.push_back({uint32_t(Blocks.size()), uint32_t(F->Blocks.size())});
    for (const forksafe::Block &B : F->Blocks) {
      Block Out;
      Out.EventsBegin = uint32_t(Events.size());
      for (const forksafe::Event &E : B.Events) {
        bool IsHandleEvent = E.Kind != EventKind::Call &&
                             E.Kind != EventKind::Fork &&
                             E.Kind != EventKind::Exit;
        Event Out{E.Kind, false, false, NoRef, 0, 0, &E};
        if (IsHandleEvent)
          Out.Ref = Interner.intern(E.Ref);
        if (E.Kind == EventKind::Call) {
          TargetList Targets = P.targets(E);
          Out.Skippable = Targets.empty() && !E.NoReturn;
          Out.PassesHandles = !E.Args.empty();
          if (E.AssignTo)
            Out.Ref = Interner.intern(*E.AssignTo);
          Out.TargetsBegin = uint32_t(TargetIds.size());
          for (const forksafe::Function *T : Targets)
            TargetIds.push_back(P.idOf(*T));
          Out.TargetsEnd = uint32_t(TargetIds.size());
        }
        Events.push_back(Out);
      }
      Out.EventsEnd = uint32_t(Events.size());
      Out.EdgesBegin = uint32_t(Edges.size());
      for (const forksafe::Edge &Ed : B.Succs)
        Edges.push_back({Ed.To, Ed.ForkSite, Ed.Param, Ed.Child, Ed.Parent,
                         Ed.Null ? Interner.intern(*Ed.Null) : NoRef, &Ed});
      Out.EdgesEnd = uint32_t(Edges.size());
      Blocks.push_back(Out);
    }
  }
}

} // namespace forksafe
