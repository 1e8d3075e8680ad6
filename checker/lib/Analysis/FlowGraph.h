// SPDX-License-Identifier: Apache-2.0
/// The linked program's control flow and values in dense arrays: what the
/// per-handle analysis walks for every handle. Places (the variables,
/// members and dereferences that handles and values live in) are interned
/// program-wide; value expressions are compiled once into nodes that name
/// places by id; each function knows which globals and which memory behind
/// its parameters it (or a callee) reads and writes, and each call knows how
/// its callees' parameters' memory maps to its own places.
#pragma once

#include "AbstractValue.h"

#include "forksafe/Program.h"
#include "forksafe/ValueExpr.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

namespace forksafe {

class FlowGraph {
public:
  static constexpr uint32_t NoRef = UINT32_MAX;
  static constexpr uint32_t NoExpr = UINT32_MAX;

  struct Place {
    const HandleRef *Ref;
    bool Global;      // rooted at a global variable
    bool ParamMemory; // reached through a parameter ('p->pid', '*out')
    bool Untrusted;   // a global some unfollowed code writes: never known
    uint32_t GlobalBit; // a followed global's number in the global sets
  };
  struct Event {
    EventKind Kind;
    bool Skippable;     // a call with no known target that returns
    bool PassesHandles; // a call with handles among its arguments
    uint32_t Ref;       // handle events: the handle's place; calls: the
                        // handle their result is stored into, or NoRef
    uint32_t TargetsBegin, TargetsEnd; // calls: into targetIds()
    uint32_t Result;    // calls and forks: the result's place, or NoRef
    uint32_t Dst;       // assignments: the place, or NoRef (never read)
    uint32_t Value;     // assignments: the value's expression
    uint32_t ArgsBegin, ArgsEnd; // calls: argument values
    uint32_t MapBegin, MapEnd;   // calls: callee memory -> caller places
    uint32_t ResultMapBegin, ResultMapEnd; // calls: members of a returned
                                           // struct -> the result's
    uint32_t TableIndex; // calls through a table's element: the index
    uint32_t CalleeValue; // indirect calls: the called pointer's value
    const std::vector<const forksafe::Function *> *Table; // or null
    const forksafe::Event *Facts;
  };
  struct ArgValue {
    int Param;
    uint32_t Expr;
  };
  struct PlaceMap {
    uint32_t Callee, Caller;
  };
  struct Edge {
    uint32_t To;
    forksafe::Edge::Label When;
    const forksafe::Edge *Facts;
  };
  struct Block {
    uint32_t EventsBegin, EventsEnd, EdgesBegin, EdgesEnd;
    uint32_t Cond, Return; // expressions, or NoExpr
  };
  struct Function {
    uint32_t BlocksBegin, NumBlocks;
    // What it (or a callee) reads and writes of the followed values: the
    // globals (sets shared by its call graph component), the memory behind
    // its parameters (sorted place ids).
    uint32_t GlobalReads, GlobalWrites; // into GlobalSets
    uint32_t MemReadsBegin, MemReadsEnd, MemWritesBegin, MemWritesEnd;
    bool MayExit;      // may end the process or never return (callees too)
    bool WritesValues; // stores into globals or its parameters' memory
    uint32_t ParamsRead; // bit i: parameter i's value is read (i < 32)
    uint32_t KeepBegin, KeepEnd; // sorted: locals an exit keeps (members of
                                 // a struct it returns)
    bool NeverReturns = false;   // no path returns (MayExit on all of them)
    bool ReturnsValue = false;   // some exit returns a value a caller tests
  };

  /// KeptParams (by function id, -1: none): a parameter whose value the
  /// analysis keeps apart (a registry dispatcher's key), so it is followed
  /// even where no branch of the function tests it.
  explicit FlowGraph(const Program &P,
                     const std::vector<int8_t> *KeptParams = nullptr);

  const Function &function(uint32_t Id) const { return Functions[Id]; }
  uint32_t numFunctions() const { return uint32_t(Functions.size()); }
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
  const ArgValue *argsBegin(const Event &E) const {
    return Args.data() + E.ArgsBegin;
  }
  const ArgValue *argsEnd(const Event &E) const {
    return Args.data() + E.ArgsEnd;
  }
  const PlaceMap *mapBegin(const Event &E) const {
    return Maps.data() + E.MapBegin;
  }
  const PlaceMap *mapEnd(const Event &E) const {
    return Maps.data() + E.MapEnd;
  }
  const PlaceMap *resultMapBegin(const Event &E) const {
    return Maps.data() + E.ResultMapBegin;
  }
  const PlaceMap *resultMapEnd(const Event &E) const {
    return Maps.data() + E.ResultMapEnd;
  }
  /// Whether an exit of F keeps Place's value: a global, memory behind a
  /// parameter, or a member of a struct F returns.
  bool keptAtExit(const Function &F, uint32_t Place) const {
    const struct Place &Pl = Places[Place];
    return Pl.Global || Pl.ParamMemory ||
           std::binary_search(Sets.begin() + F.KeepBegin,
                              Sets.begin() + F.KeepEnd, Place);
  }
  /// Whether F (or a callee) reads, or writes, the followed global Place.
  bool readsGlobal(const Function &F, uint32_t Place) const {
    return inGlobalSet(F.GlobalReads, Place);
  }
  bool writesGlobal(const Function &F, uint32_t Place) const {
    return inGlobalSet(F.GlobalWrites, Place);
  }
  /// F's global reads (or writes) as sorted place ids, when they are
  /// stored as a list; [null, null) when they are a bitset.
  std::pair<const uint32_t *, const uint32_t *>
  globalReadsList(const Function &F) const {
    return globalList(F.GlobalReads);
  }
  std::pair<const uint32_t *, const uint32_t *>
  globalWritesList(const Function &F) const {
    return globalList(F.GlobalWrites);
  }
  const uint32_t *memReadsBegin(const Function &F) const {
    return Sets.data() + F.MemReadsBegin;
  }
  const uint32_t *memReadsEnd(const Function &F) const {
    return Sets.data() + F.MemReadsEnd;
  }
  const uint32_t *memWritesBegin(const Function &F) const {
    return Sets.data() + F.MemWritesBegin;
  }
  const uint32_t *memWritesEnd(const Function &F) const {
    return Sets.data() + F.MemWritesEnd;
  }
  const ValueNode *expr(uint32_t Id) const { return Nodes.data() + Id; }
  const Place &place(uint32_t Id) const { return Places[Id]; }
  /// Every distinct place, by id (handle references among them).
  size_t numPlaces() const { return Places.size(); }
  /// The place of a parameter itself (its value), if some function has one.
  uint32_t paramPlace(int Index) const {
    return Index >= 0 && size_t(Index) < ParamPlaces.size() ? ParamPlaces[Index]
                                                            : NoRef;
  }
  /// The values globals start with: their initialisers, where they hold.
  const Env &initialGlobals() const { return InitialGlobals; }
  /// An Elem node's column (Program::ElementInits), or null.
  const std::vector<AbsVal> *column(int64_t Id) const {
    return Id >= 0 && size_t(Id) < Columns.size() ? &Columns[size_t(Id)]
                                                  : nullptr;
  }

private:
  class Builder;
  /// A set of followed globals: a bitset by their GlobalBit (Begin, End
  /// into GlobalSetWords) where that is smaller, else their sorted place
  /// ids (into GlobalSetPlaces). A set read by a whole component of
  /// thousands of functions is stored once, not once per function.
  struct GlobalSet {
    uint32_t Begin, End;
    bool Dense;
  };
  bool inGlobalSet(uint32_t Set, uint32_t Place) const {
    const GlobalSet &S = GlobalSets[Set];
    if (!S.Dense)
      return std::binary_search(GlobalSetPlaces.begin() + S.Begin,
                                GlobalSetPlaces.begin() + S.End, Place);
    uint32_t Bit = Places[Place].GlobalBit;
    return Bit != NoRef && S.Begin + Bit / 64 < S.End &&
           (GlobalSetWords[S.Begin + Bit / 64] >> (Bit % 64) & 1);
  }
  std::pair<const uint32_t *, const uint32_t *> globalList(uint32_t Set) const {
    const GlobalSet &S = GlobalSets[Set];
    if (S.Dense)
      return {nullptr, nullptr};
    return {GlobalSetPlaces.data() + S.Begin, GlobalSetPlaces.data() + S.End};
  }
  std::vector<GlobalSet> GlobalSets;
  std::vector<uint64_t> GlobalSetWords;
  std::vector<uint32_t> GlobalSetPlaces;
  std::vector<Function> Functions; // by link id
  std::vector<Block> Blocks;
  std::vector<Event> Events;
  std::vector<Edge> Edges;
  std::vector<uint32_t> TargetIds; // what each call may reach, by link id
  std::vector<ArgValue> Args;
  std::vector<PlaceMap> Maps;
  std::vector<uint32_t> Sets;
  std::vector<ValueNode> Nodes;
  std::vector<Place> Places;
  std::vector<uint32_t> ParamPlaces;
  std::deque<HandleRef> KeptParamRefs; // places no facts name (Builder::run)
  Env InitialGlobals;
  std::vector<std::vector<AbsVal>> Columns;
};

} // namespace forksafe
