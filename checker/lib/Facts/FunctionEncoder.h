// SPDX-License-Identifier: Apache-2.0
/// Encodes one function body as facts: clang's CFG gives the blocks and the
/// branches, and each element becomes handle, call, fork, exit and
/// assignment events. Also a global's dynamic initialiser and a static
/// object's destruction, as straight-line events. One class, its members
/// defined by job: FunctionEncoder.cpp (the CFG walk, statements and
/// stores), CallEvents.cpp (calls), RuleEvents.cpp (handle events of rule
/// matches), ObjectEvents.cpp (construction and destruction) and
/// EdgeLabels.cpp (branch conditions and returned values).
#pragma once

#include "ExtractContext.h"
#include "HandleRefs.h"
#include "ValueEncoder.h"

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CallExpr;
class CFGBlock;
class CXXConstructExpr;
class CXXCtorInitializer;
class CXXRecordDecl;
class CallExpr;
class Expr;
class ParentMap;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace forksafe {

/// The event a call of a function with this role is.
EventKind eventKindOf(Role R);

/// Whether a loop calls each element's function here (Event::EachElement;
/// CallEvents.cpp).
bool callsEachElement(const clang::CallExpr *CE, const clang::ParentMap &Parents);
/// Whether a branch (an 'if', or a '&&' in its condition) only tests that
/// the element such a call calls through is set: its other side skips an
/// element with nothing to call, so the analysis takes the call's side.
bool guardsEachElementCall(const clang::Stmt *Term,
                           const clang::ParentMap &Parents);

class FunctionEncoder {
public:
  /// FD is null for a global's initialiser or a static object's destructor.
  FunctionEncoder(ExtractContext &TU, const clang::FunctionDecl *FD,
                  Function &Out);
  /// Encodes FD's body into Out.
  void run(const clang::Stmt *Body);
  /// Events of a global's dynamic initializer (no CFG: straight-line).
  void runInitializer(const clang::VarDecl *Var, std::vector<Event> &Out);
  /// The destruction of a static object at exit.
  void runStaticDestructor(const clang::VarDecl *Var, std::vector<Event> &Out);

private:
  /// Where the value of E ends up: assigned to an lvalue, initialising a
  /// variable, or returned.
  struct Target {
    const clang::Expr *Assign = nullptr;
    const clang::VarDecl *Var = nullptr;
    bool Return = false;
    std::optional<HandleRef> Ref; // a member initialiser's 'this->member'
  };

  // FunctionEncoder.cpp: statements.
  void element(const clang::Stmt *S, std::vector<Event> &Out);
  void elementEvents(const clang::Stmt *S, std::vector<Event> &Out);
  /// A call's result stored into R (of type T): E.AssignTo when R holds a
  /// handle or points to a struct that may.
  void noteAssignedResult(Event &E, const HandleRef &R,
                          const clang::VarDecl *Root, clang::QualType T);
  /// 'd->conn = m;' with d and m locals (MemberStores).
  void noteMemberStore(const clang::Expr *LHS, const clang::Expr *RHS);
  /// 'return d;' in a function returning a pointer to what may hold a
  /// handle (Fn.ReturnsVars).
  void noteReturnedVar(const clang::VarDecl *V);
  void assign(const clang::Expr *LHS, const clang::Expr *RHS,
              clang::SourceLocation Loc, std::vector<Event> &Out,
              const clang::VarDecl *LHSVar = nullptr);
  /// A store of RHS (or of Op applied to the old value) into a value place.
  void storeValue(const clang::Expr *LHS, const clang::VarDecl *LHSVar,
                  const clang::Expr *RHS, clang::SourceLocation Loc,
                  std::vector<Event> &Out, std::string Op = "");
  Target targetOf(const clang::Expr *E) const;

  // CallEvents.cpp: calls.
  /// AssignTarget/TargetVar: where the call's result is stored, if known.
  void call(const clang::CallExpr *CE, std::vector<Event> &Out,
            const clang::Expr *AssignTarget,
            const clang::VarDecl *TargetVar = nullptr);
  /// The argument values and function-pointer arguments of a user call.
  void argumentValues(llvm::ArrayRef<const clang::Expr *> Args, unsigned First,
                      Event &E);
  /// A call through a std::function object ('fn()'), as an indirect call.
  bool functionObjectCall(const clang::CallExpr *CE, std::vector<Event> &Out);
  void pushCall(const clang::CallExpr *CE, Event E, std::vector<Event> &Out);

  // RuleEvents.cpp: what a rule says a call does to a handle.
  void ruleEvent(const FunctionRule &Rule, clang::SourceLocation Loc,
                 const clang::Expr *HandleExpr, const Target &T,
                 std::vector<Event> &Out);
  void handleEvent(EventKind K, const HandleRef &R, const FunctionRule &Rule,
                   clang::SourceLocation Loc, std::vector<Event> &Out,
                   const clang::VarDecl *Root, clang::QualType T,
                   bool Once = false);

  // ObjectEvents.cpp: constructors and destructors.
  void construct(const clang::CXXConstructExpr *CE, std::vector<Event> &Out,
                 const clang::VarDecl *TargetVar = nullptr,
                 std::optional<HandleRef> TargetRef = std::nullopt);
  void memberInitializer(const clang::CXXCtorInitializer *Init,
                         std::vector<Event> &Out);
  void destroyObject(clang::QualType T, const HandleRef &R,
                     clang::SourceLocation Loc, std::vector<Event> &Out,
                     int Depth);
  void destroy(const clang::Expr *Object, const clang::CXXRecordDecl *Class,
               clang::SourceLocation Loc, std::vector<Event> &Out,
               std::optional<HandleRef> Ref = std::nullopt);

  // EdgeLabels.cpp: branches and returns.
  void labelEdges(const clang::CFGBlock &B, Block &Out);
  void labelReturn(const clang::CFGBlock &B, Block &Out);

  clang::SourceManager &SM() const;

  std::string CalledName; // the function being called, for notes
  ExtractContext &TU;
  const clang::FunctionDecl *FD;
  Function &Fn;
  RefResolver Refs;
  std::unique_ptr<ValueEncoder> Values; // null outside a function body
  unsigned CurrentBlock = 0;
  std::unique_ptr<clang::ParentMap> Parents;
  /// Locals this function makes a handle in: where, and at which member
  /// path ("" for the local itself).
  struct Made {
    Location Loc;
    std::string Path;
  };
  std::map<const clang::VarDecl *, Made> CreatedLocals;
  std::vector<const clang::VarDecl *> ReturnedLocals;
  /// 'd->conn = m;': a local's value stored into a member of another local.
  struct MemberStore {
    const clang::VarDecl *From, *Into;
    std::string Path;
  };
  std::vector<MemberStore> MemberStores;
  /// Sets Fn.ReturnsCreated(Path) from what the returned locals hold.
  void noteReturnedCreation();
};

} // namespace forksafe
