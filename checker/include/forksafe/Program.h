// SPDX-License-Identifier: Apache-2.0
/// The linked program: every TU's facts merged by USR.
#pragma once

#include "forksafe/Facts.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace forksafe {

/// The functions a call may reach: a view into storage the Program owns.
class TargetList {
public:
  TargetList() = default;
  TargetList(const Function *const *Data, size_t Size) : Data(Data), Size(Size) {}
  const Function *const *begin() const { return Data; }
  const Function *const *end() const { return Data + Size; }
  bool empty() const { return Size == 0; }
  size_t size() const { return Size; }

private:
  const Function *const *Data = nullptr;
  size_t Size = 0;
};

struct Program {
  std::vector<TUFacts> Units; // owns everything below
  std::map<std::string, const Function *> Functions;        // by USR
  std::map<std::string, const HandleVar *> Handles;         // by key
  std::vector<const Function *> StaticInits;                // run before main
  std::vector<const Function *> StaticDtors;                // run by exit()
  std::vector<const Function *> Mains;
  /// The other definitions of 'main' (a database that holds several
  /// programs): only the one whose calls reach the most functions is
  /// analysed; callers warn.
  std::vector<const Function *> OtherMains;
  std::map<std::string, std::vector<const Function *>> Overriders;  // by USR
  std::vector<bool> Called; // by id: some known code calls it
  /// pthread_atfork handlers registered anywhere in the program (where the
  /// registration sits is not followed: they run at every fork).
  std::vector<const Function *> AtForkPrepare, AtForkParent, AtForkChild;
  /// Scalar globals' initial values (USR + path), for globals no other
  /// name can write (EscapedGlobals of every TU removed).
  std::map<std::string, int64_t> GlobalInits;
  /// Globals the configuration parser writes (TUFacts::ConfiguredGlobals),
  /// with their static initialisers' values where every TU states the same.
  std::set<std::string> ConfiguredGlobals;
  std::map<std::string, int64_t> ConfiguredInits;
  /// Initial values of the fields of statically initialised global arrays
  /// of structs ('USR.field' -> by index, unknown where absent) for fields
  /// no code in the program writes (TUFacts::ElementInits, WrittenFields).
  std::map<std::string, std::vector<std::optional<int64_t>>> ElementInits;
  /// Statically initialised tables of functions (TUFacts::Tables): each
  /// element's function, null where there is none or it has no body.
  std::map<std::string, std::vector<const Function *>> Tables;
  /// A global (USR, member path) a data pointer may point to.
  struct Pointee {
    std::string Var, Path;
  };
  /// What pointer members (by field USR: "c:@S@App@FI@state") and pointer
  /// variables (by USR) may point to: globals whose address was stored
  /// there.
  std::map<std::string, std::vector<Pointee>> MemberPointees, VarPointees;
  /// "c:@S@App" of a field's or a method's USR ("" if neither).
  static std::string classOf(const std::string &Usr);
  /// Functions code without a body can call (their address escaped), and
  /// uncalled ones: their writes to globals are not followed.
  std::vector<bool> CalledFromOutside; // by id
  /// By id: code takes its address as it runs (TUFacts::RunTimeAddressed),
  /// so it is in a function-pointer slot only once that code has run.
  std::vector<bool> TakenAtRunTime;
  /// By id: where the handle a function's result holds is ("": the result,
  /// ".conn": a member of what it points to), if the function made it
  /// (Factories.h).
  std::vector<std::optional<std::string>> MadeInResult;
  /// Handles linking derives: the members factories make, of what variables
  /// of opaque struct types point to (HandleVar::OpaqueRoot). In Handles.
  std::deque<HandleVar> DerivedHandles;

  /// Dense ids (USR order), so analyses can use vectors instead of maps.
  std::vector<const Function *> ById;
  uint32_t idOf(const Function &F) const { return F.LinkId; }

  /// Every function a call event may reach (direct, virtual, indirect);
  /// resolved once at link time.
  TargetList targets(const Event &Call) const {
    return Call.LinkTargets < CallTargets.size() ? CallTargets[Call.LinkTargets]
                                                 : TargetList();
  }
  /// Whether some of a call's targets are there only because its pointer
  /// escapes to code without a body, so any function of its type could be
  /// stored there (resolution by type).
  bool resolvedByType(const Event &Call) const {
    return Call.LinkTargets < CallByType.size() && CallByType[Call.LinkTargets];
  }

private:
  friend Program link(std::vector<TUFacts> Units);
  friend class PointsTo;
  std::vector<TargetList> CallTargets; // indexed by Event::LinkTargets
  std::vector<uint8_t> CallByType;     // indexed by Event::LinkTargets
  std::vector<std::vector<const Function *>> TargetStorage; // owns lists
};

/// Merges facts; the result is independent of the order of Units.
Program link(std::vector<TUFacts> Units);

} // namespace forksafe
