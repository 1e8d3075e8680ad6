// SPDX-License-Identifier: Apache-2.0
// The loaded rules: lookups, the names of roles and semantics, the digest.
#include "forksafe/Rules.h"

#include <sstream>

namespace forksafe {

const LibraryRule *RuleSet::library(const std::string &Name) const {
  for (const LibraryRule &L : Libraries)
    if (L.Name == Name)
      return &L;
  return nullptr;
}

const FrameworkRule *RuleSet::framework(const std::string &Name) const {
  for (const FrameworkRule &F : Frameworks)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

const HandleRule *RuleSet::handleType(const std::string &TypeName) const {
  for (const HandleRule &H : Handles)
    if (H.Type == TypeName)
      return &H;
  return nullptr;
}

const std::vector<FunctionRule> *
RuleSet::functions(const std::string &Name) const {
  auto It = Functions.find(Name);
  return It == Functions.end() ? nullptr : &It->second;
}

const std::vector<FunctionRule> *
RuleSet::functionsFor(const std::string &Name, const std::string &Class) const {
  if (const auto *Exact = functions(Name))
    return Exact;
  if (Class.empty())
    return nullptr;
  return functions(Class + "::*");
}

std::string RuleSet::digest() const {
  // FNV-1a over a canonical listing; only needs to change when rules change.
  std::ostringstream OS;
  for (const HandleRule &H : Handles)
    OS << "H" << H.Library << "|" << H.Type << "|" << int(H.Sem) << "\n";
  for (const HookRule &H : Hooks) {
    OS << "K" << H.Framework << "|" << int(H.Role) << "|" << H.Struct << "|"
       << H.Field << "|" << H.FieldType << "|" << H.Register << "|"
       << H.RegisterArg << (H.ForksHere ? "|forks" : "") << "|"
       << H.Function << "|" << H.FunctionPrefix << "|"
       << H.Annotation << "|" << H.FunctionType << "|" << H.AbortsIfReturns
       << "|" << H.Note;
    for (const std::string &F : H.StructHas)
      OS << "|has:" << F;
    for (int64_t A : H.MasterArgs)
      OS << "|m:" << A;
    for (int64_t A : H.WorkerArgs)
      OS << "|w:" << A;
    OS << "\n";
  }
  for (const auto &[Name, Rules] : Functions)
    for (const FunctionRule &F : Rules)
      OS << "F" << Name << "|" << int(F.FunctionRole) << "|" << F.HandleArg
         << "|" << F.AlsoReturnsHandle << "|" << F.Connects << "|"
         << F.HarmfulClose << "|"
         << F.HandleType << "\n";
  std::string S = OS.str();
  uint64_t Hash = 1469598103934665603ull;
  for (unsigned char C : S) {
    Hash ^= C;
    Hash *= 1099511628211ull;
  }
  std::ostringstream Hex;
  Hex << std::hex << Hash;
  return Hex.str();
}

} // namespace forksafe
