// SPDX-License-Identifier: Apache-2.0
/// What a function pointer can hold: an inclusion-based (Andersen-style),
/// field-based points-to analysis over function-pointer slots (fields,
/// variables, parameters, return values), solved over the whole program
/// together with the indirect calls it resolves. A call through a slot
/// reaches what was stored there; only a slot that also receives values
/// from code without a body (or nothing at all) falls back to the functions
/// of its type whose address escaped.
#pragma once

#include "forksafe/Program.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace forksafe {

class PointsTo {
public:
  explicit PointsTo(Program &P);
  /// Resolves every call event of P: fills its call targets and Called.
  void run();

private:
  uint32_t slot(const std::string &Name);
  void addFunction(uint32_t Slot, uint32_t Fn);
  void addFlow(uint32_t Dst, uint32_t Src);
  void setOpaque(uint32_t Slot);
  /// Source of a flow as written in the facts ("&USR", a slot, "?").
  void addSource(uint32_t Dst, const std::string &Source);
  void propagate();
  void addData(uint32_t Slot, const std::string &Target);
  /// Program::MemberPointees and VarPointees from the data slots.
  void storePointees();
  /// The targets of an indirect call, and whether the fallback by type
  /// contributed.
  std::vector<uint32_t> indirectTargets(const Event &Call, bool &ByType) const;
  std::vector<uint32_t> directTargets(const Event &Call) const;
  void bindArguments(const Event &Call, uint32_t Target);

  Program &P;
  std::unordered_map<std::string, uint32_t> Ids;
  std::vector<std::vector<uint32_t>> Pts; // sorted function ids, by slot
  std::vector<std::vector<uint32_t>> DataPts; // sorted data target ids
  std::vector<std::string> DataTargets;       // "USR\n.path", by id
  std::unordered_map<std::string, uint32_t> DataIds;
  std::vector<bool> Opaque;
  // Holds code outside the program (a function without a body, a loaded
  // module's symbol): a call through it, with nothing else stored, reaches
  // none of the program's functions instead of all of its type.
  std::vector<bool> External;
  std::vector<std::vector<uint32_t>> Flows; // source slot -> destinations
  std::vector<uint32_t> Work;
  std::vector<bool> Queued;
  std::unordered_map<std::string, uint32_t> ByUsr;
  /// Parameter slots by function id ("USR#p<i>").
  std::vector<std::vector<uint32_t>> ParamSlots;
  std::vector<bool> EscapedFn; // by id
  std::unordered_map<std::string, std::vector<uint32_t>> EscapedBySig;
  std::unordered_map<std::string, std::vector<uint32_t>> AddressTakenBySig;
  std::vector<const Event *> Calls;
  std::vector<std::vector<uint32_t>> Bound; // targets bound, by call index
};

} // namespace forksafe
