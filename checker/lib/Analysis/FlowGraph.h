// SPDX-License-Identifier: Apache-2.0
/// The linked program's control flow in dense arrays: what the per-handle
/// analysis walks for every handle. The facts structs are fat (every event
/// carries its strings), so walking them once per handle streamed hundreds
/// of megabytes through the cache; these arrays are a few bytes per event
/// and point back to the facts for the rare events that matter to a handle.
#pragma once

#include "forksafe/Program.h"

#include <cstdint>
#include <vector>

namespace forksafe {

class FlowGraph {
public:
  static constexpr uint32_t NoRef = UINT32_MAX;

  struct Event {
    EventKind Kind;
    bool Skippable; // a call with no known target that returns: a no-op
    bool PassesHandles; // a call with handles among its arguments
    uint32_t Ref;   // handle events: the interned handle reference; calls:
                    // the handle their result is stored into, or NoRef
    uint32_t TargetsBegin, TargetsEnd; // calls: into targetIds()
    const forksafe::Event *Facts;
  };
  struct Edge {
    uint32_t To;
    int32_t ForkSite;
    int32_t Param;
    bool Child, Parent;
    uint32_t NullRef; // the handle a null test found null, or NoRef
    const forksafe::Edge *Facts;
  };
  struct Block {
    uint32_t EventsBegin, EventsEnd, EdgesBegin, EdgesEnd;
  };
  struct Function {
    uint32_t BlocksBegin, NumBlocks;
  };

  explicit FlowGraph(const Program &P);

  const Function &function(uint32_t Id) const { return Functions[Id]; }
  const Block &block(const Function &F, unsigned B) const {
    return Blocks[F.BlocksBegin + B];
  }
  const Event *eventsBegin(const Block &B) const {
    return Events.data() + B.EventsBegin;
  }
  const Event *eventsEnd(const Block &B) const {
    return Events.data() + B.EventsEnd;
  }
  const Edge *edgesBegin(const Block &B) const {
    return Edges.data() + B.EdgesBegin;
  }
  const Edge *edgesEnd(const Block &B) const {
    return Edges.data() + B.EdgesEnd;
  }
  const uint32_t *targetsBegin(const Event &E) const {
    return TargetIds.data() + E.TargetsBegin;
  }
  const uint32_t *targetsEnd(const Event &E) const {
    return TargetIds.data() + E.TargetsEnd;
  }
  /// Every distinct handle reference, by interned id.
  const std::vector<const HandleRef *> &refs() const { return Refs; }

private:
  std::vector<Function> Functions; // by link id
  std::vector<Block> Blocks;
  std::vector<Event> Events;
  std::vector<Edge> Edges;
  std::vector<uint32_t> TargetIds; // what each call may reach, by link id
  std::vector<const HandleRef *> Refs;
};

} // namespace forksafe
