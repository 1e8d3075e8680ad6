// SPDX-License-Identifier: Apache-2.0
/// The handle variables a TU names (TUFacts::Handles): each recorded once,
/// with the variable it is rooted at, its definition, type, semantics and
/// NOLINT comments, so that findings point at it. Objects are recorded with
/// their handle members ('g_app.db.conn').
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class SourceManager;
class VarDecl;
} // namespace clang

namespace forksafe {

class FactLocations;
class HandleTypes;

class HandleVariables {
public:
  HandleVariables(const RuleSet &Rules, const HandleTypes &Types,
                  clang::SourceManager &SM, FactLocations &Locations)
      : Rules(Rules), Types(Types), SM(SM), Locations(Locations) {}

  /// Records the variable a handle reference is rooted at. T is the type of
  /// the handle expression itself (the member's type for 'app.conn').
  void noteHandle(const HandleRef &R, const clang::VarDecl *Root,
                  clang::QualType T, const std::string &Library);
  /// Records the handles V of type T holds at R: itself, or its members
  /// (as deep as three levels of members).
  void noteHandleMembers(const HandleRef &R, const clang::VarDecl *V,
                         clang::QualType T, int Depth);
  /// Records a variable of type T, a pointer to a struct this TU cannot see
  /// into, that a call's result is stored in (HandleVar::OpaqueRoot).
  void noteOpaqueRoot(const HandleRef &R, const clang::VarDecl *Root,
                      clang::QualType T);
  /// Whether noteHandleMembers(_, _, T, Depth) can note anything: a handle
  /// type at T or among its members (as deep as noteHandleMembers looks).
  bool mayHoldHandle(clang::QualType T, int Depth);
  /// Whether a handle was recorded under Key (HandleRef::key()).
  bool known(const std::string &Key) const { return Handles.count(Key) != 0; }
  /// Moves the handle variables, by key, into F.
  void finish(TUFacts &F);

private:
  std::vector<std::string> nolintAt(clang::SourceLocation L);

  const RuleSet &Rules;
  const HandleTypes &Types;
  clang::SourceManager &SM;
  FactLocations &Locations;
  std::map<std::string, HandleVar> Handles;
  /// (type, depth) -> whether noteHandleMembers can find a handle there,
  /// for Types.generation() == MembersGeneration.
  llvm::DenseMap<std::pair<void *, int>, bool> MayHoldHandle;
  unsigned MembersGeneration = 0;
};

} // namespace forksafe
