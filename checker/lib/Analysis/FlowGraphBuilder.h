// SPDX-License-Identifier: Apache-2.0
/// Building a FlowGraph: encoding the facts into dense arrays
/// (FlowGraph.cpp), then deciding which values the analysis follows and
/// what each function reads and writes of them (FlowGraphValues.cpp).
#pragma once

#include "FlowGraph.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace forksafe {

class FlowGraph::Builder {
public:
  Builder(FlowGraph &G, const Program &P,
          const std::vector<int8_t> *KeptParams);
  void run();

private:
  // --- FlowGraph.cpp: places and encoding --------------------------------
  uint32_t intern(const HandleRef &R);
  static std::string keyOf(const HandleRef &R);
  /// The key of a place's root (its variable or parameter, no path): the
  /// places of one struct share it.
  static std::string rootKeyOf(const HandleRef &R);
  uint32_t compile(const forksafe::Function &F,
                   const std::vector<uint32_t> &Local, const std::string &Text);
  void encodeFunctions();
  void mapReturnedMembers();
  /// The caller's place for a callee's parameter memory at a call, or NoRef.
  uint32_t translate(uint32_t CallEvent, uint32_t CalleePlace);
  Env initialGlobals() const;
  /// The column of an Elem node whose table place is PlaceId, or -1.
  int64_t columnOf(uint32_t PlaceId);
  std::map<std::string, int64_t> ColumnIds;

  // --- FlowGraphValues.cpp: which values matter, and where they flow -----
  /// Only values that can decide a branch (or a table's element) are
  /// followed: those named in conditions, and backwards what is stored
  /// into them, passed into parameters they come from, returned into
  /// them. Everything else is dropped here, once.
  void markDecisive();
  void dropIndecisive();
  /// What each function, with its callees, reads and writes of the
  /// followed values (FlowGraphSummaries.cpp).
  void summariseValues();
  struct CallEdge {
    uint32_t Event, Callee;
  };
  /// The memory behind parameters, per function; and whether it may exit.
  void summariseMemory(const std::vector<std::vector<CallEdge>> &Calls,
                       const std::vector<std::vector<uint32_t>> &Sccs);
  /// The globals, per call graph component. False once the sets take more
  /// than Budget bits (nothing usable is stored then).
  bool summariseGlobals(const std::vector<std::vector<CallEdge>> &Calls,
                        const std::vector<std::vector<uint32_t>> &Sccs,
                        size_t Budget);
  /// Calls OnCall(event, callee) for every function a call of F may reach.
  template <class CallFn>
  void forEachCallTarget(uint32_t F, CallFn OnCall) const {
    const Function &Fn = G.Functions[F];
    for (uint32_t B = 0; B < Fn.NumBlocks; ++B) {
      const Block &Bl = G.Blocks[Fn.BlocksBegin + B];
      for (uint32_t E = Bl.EventsBegin; E < Bl.EventsEnd; ++E)
        for (uint32_t T = G.Events[E].TargetsBegin; T < G.Events[E].TargetsEnd;
             ++T)
          OnCall(E, G.TargetIds[T]);
    }
  }
  /// Calls OnUse(place, written) for every place F itself reads or writes.
  template <class UseFn> void forEachDirectUse(uint32_t F, UseFn OnUse) const;
  static constexpr size_t MaxGlobalSetBits = size_t(1) << 30;
  void markUntrusted();
  /// Functions no path of which returns (exits, noreturn calls, endless
  /// loops, callees that never return).
  void markNeverReturns();

  struct Item {
    enum Kind : uint8_t { PlaceItem, ParamItem, ReturnItem } K;
    uint32_t A, B; // place; function and parameter; function
  };
  void decide(uint32_t Fn, uint32_t Expr);
  void decidePlace(uint32_t Place);
  void decideParam(uint32_t Fn, uint32_t Index);
  void decideReturn(uint32_t Fn);
  bool decisive(uint32_t Place) const {
    return Place < DecisivePlace.size() && DecisivePlace[Place];
  }

  FlowGraph &G;
  const Program &P;
  const std::vector<int8_t> *KeptParams;
  std::unordered_map<std::string, uint32_t> Ids;
  std::string Key;
  std::unordered_map<uint64_t, uint32_t> Translated;
  std::vector<uint32_t> EventFn; // the function an event is in
  std::vector<std::set<uint32_t>> ReturnedPlaces;
  std::vector<std::vector<uint32_t>> ReturnExprs; // by function
  std::unordered_map<std::string, std::vector<uint32_t>> PlacesByRoot;

  // Decisiveness.
  std::vector<char> DecisivePlace;
  std::vector<std::vector<char>> DecisiveParam; // by function, parameter
  std::vector<char> DecisiveReturn;             // by function
  std::vector<Item> Work;
  std::unordered_map<std::string, std::vector<uint32_t>> AssignsByRoot,
      ResultsByRoot;
  std::unordered_set<std::string> RootsDone;
  std::vector<std::vector<uint32_t>> CallsTo; // events calling a function
  /// The functions that name a place of parameter memory (its id is
  /// shared by every function's 'p->pid'): their callers map it.
  std::unordered_map<uint32_t, std::vector<uint32_t>> ParamMemoryUsers;
  /// (place << 32 | function) pairs in ParamMemoryUsers: a place such as
  /// '*p0' is named by thousands of functions, and a linear search of its
  /// list for every argument passed made git's link quadratic.
  std::unordered_set<uint64_t> ParamMemoryUserPairs;
  std::unordered_set<uint64_t> CallsMapped; // (event << 32 | callee place)
  /// Budget: a place of parameter memory named by more functions than
  /// this, or memory handed to a call with more targets, is not followed
  /// into further callers (its values stay unknown there). git's '*p0'
  /// otherwise pairs every function with every other.
  static constexpr size_t MaxParamMemoryUsers = 256, MaxMappedTargets = 16;
  /// Nor is memory passed on by more calls than this ('p0' handed on by
  /// every function that takes a context pointer, in all of git).
  static constexpr size_t MaxArgBases = 512;
  void addParamMemoryUser(uint32_t Place, uint32_t Fn) {
    std::vector<uint32_t> &Users = ParamMemoryUsers[Place];
    if (Users.size() < MaxParamMemoryUsers &&
        ParamMemoryUserPairs.insert(uint64_t(Place) << 32 | Fn).second)
      Users.push_back(Fn);
  }
  struct ArgBase {
    uint32_t Event;
    int Param;
    uint32_t Base;
    bool Address; // '&x' (else a pointer's value)
  };
  /// By root key, '\x01', and the path of the place passed.
  std::unordered_map<std::string, std::vector<ArgBase>> ArgBasesByBase;

  std::vector<uint32_t> PlaceOfBit; // followed globals by GlobalBit
};

} // namespace forksafe
