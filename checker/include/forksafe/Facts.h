// SPDX-License-Identifier: Apache-2.0
/// Facts extracted from one translation unit: what the linker needs to
/// answer "is this handle live at a fork and used in the child?" across TUs.
#pragma once

#include "forksafe/Model.h"

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace forksafe {

/// Bump when the facts layout changes; cached facts of another version are
/// ignored and rebuilt, and 'forksafe link' refuses them. Version 5 made
/// values part of the facts (places, assignments, branch conditions, return
/// values, argument values, function-pointer flows): earlier versions
/// described branches by labels this engine no longer reads. Version 6:
/// TUFacts::RunTimeAddressed. Version 7: struct factories
/// (Function::ReturnsCreatedPath, ReturnsVars, HandleVar::OpaqueRoot, and
/// call results stored into pointers to structs as Event::AssignTo).
constexpr int FactsVersion = 7;
/// Bump when extraction writes different facts in the same layout (a value
/// it now encodes, a condition it now decides): part of the cache key, so
/// that a cache filled by an earlier extractor is rebuilt, while facts files
/// of the same version still link.
constexpr int ExtractorRevision = 4;
/// In TUFacts::ElementInits: the field holds some non-null address (a
/// string literal, a function, a static object), which ends a loop over a
/// table terminated by a null entry ('for (i = 0; tab[i].name; i++)'). An
/// integer field initialised to this value is recorded as unknown.
constexpr int64_t NonNullElementInit = std::numeric_limits<int64_t>::min();

/// The function a slot holds after 'fp = dlsym(lib, "name")': a loaded
/// module's, never one of the program's.
inline constexpr const char *LoadedSymbolUsr = "forksafe:loaded-symbol";

struct Location {
  std::string File;
  unsigned Line = 0, Column = 0;
  bool valid() const { return !File.empty() && Line != 0; }
  bool operator<(const Location &O) const;
  bool operator==(const Location &O) const {
    return File == O.File && Line == O.Line && Column == O.Column;
  }
};

/// Where a handle (or any value) lives, as seen from inside one function: a
/// place. Member paths do not distinguish '.' from '->' ('p->pid' and
/// 'p.pid' are both ".pid"); '*' is a dereference ('*out').
struct HandleRef {
  /// Result: the handle an accessor returns ('PQexec(db(), ...)'); Var is
  /// the accessor's USR.
  enum Base : uint8_t { Global, Local, Param, Result };
  Base Kind = Global;
  std::string Var;  // USR of the variable (Global, Local)
  int ParamIndex = -1;
  std::string Path; // member path, e.g. ".conn" or ".pool[]"
  bool operator==(const HandleRef &O) const {
    return Kind == O.Kind && Var == O.Var && ParamIndex == O.ParamIndex &&
           Path == O.Path;
  }
  /// Key of the handle this names, for Global/Local bases.
  std::string key() const { return Var + Path; }
};

enum class EventKind : uint8_t {
  Create,  // handle becomes live (created by this process)
  Init,    // handle allocated but not live
  Connect, // handle becomes live
  Use,
  Close,
  Reset,   // safe reset: live and owned by this process again
  Kill,    // overwritten with something that is not a live handle
  Call,
  Fork,
  Exit,
  Assign,  // a value stored into a place: Places[Dst] = Value
  AtFork,  // pthread_atfork(prepare, parent, child): handlers registered
};

enum class ForkKind : uint8_t {
  Plain,  // fork, _Fork, syscall(SYS_fork), forkpty, clone without CLONE_VM
  Daemon, // daemon(): only the child continues
  Clone,  // clone(fn, ...): the child runs fn and exits
};

enum class ExitKind : uint8_t {
  Exit,     // exit(), quick_exit(): runs (some) destructors
  RawExit,  // _exit, _Exit, abort
  Exec,     // exec*: the process image is replaced
};

struct Event {
  EventKind Kind = EventKind::Use;
  Location Loc;
  // Handle events.
  HandleRef Ref;
  std::string Api;     // the library function, e.g. "mysql_query"
  std::string Library; // rule library id
  bool HarmfulClose = false;
  std::string Harm; // what a harmful close does, from the rule
  bool Once = false; // static local initialiser: runs once per process tree
  bool Connects = false; // a use that connects a lazy handle
  // Call events.
  std::string Callee;      // USR; empty for an indirect call
  std::string CalleeName;  // for notes
  std::string IndirectSig; // canonical function type, for indirect calls
  std::string IndirectVia; // the field or variable called through (its USR)
  // A call through an element of a statically initialised table
  // ('modules[i].on_stage(...)'): the table (TUFacts::Tables key) and the
  // index's value, so a known index reaches that element's function only.
  std::string IndirectTable, IndirectIndex;
  // Indirect calls: the called pointer's value (ValueExpr.h), where the
  // pointer is a place values follow ('(*handler)(args)' of a parameter):
  // a caller that passes a known function calls that one.
  std::string CalleeValue;
  bool Virtual = false;
  bool NoReturn = false;
  // An indirect call through the element a for loop's counter indexes
  // ('for (i = 0; i < n; i++) if (list[i]->tidy) list[i]->tidy();'), with
  // no other test and no early exit in the loop: the loop calls each
  // element's function, so every target runs, not one of them.
  bool EachElement = false;
  std::vector<std::pair<int, HandleRef>> Args; // handles passed by argument
  std::optional<HandleRef> AssignTo;           // result stored into a handle
  // Call and fork events: the place the result is stored into (an index
  // into Function::Places: a variable, or a temporary that a condition or
  // a return names), or -1.
  int Result = -1;
  // Call events: the values of scalar arguments ('k3', 'p1', see
  // ValueExpr below), and the function-pointer arguments as slots
  // ("&USR": that function; else the slot a pointer was loaded from), by
  // argument index; a function-pointer flow into the targets' parameters.
  // Data pointers too: "*USR\n.path" for the address of a global.
  std::vector<std::pair<int, std::string>> ArgValues;
  std::vector<std::pair<int, std::string>> SlotArgs;
  // Fork events.
  ForkKind Fork = ForkKind::Plain;
  std::string ForkApi;
  // Exit events.
  ExitKind Exit = ExitKind::Exit;
  // Assign events: Places[Dst] = Value.
  int Dst = -1;
  std::string Value;
  // AtFork events: the handlers' USRs ("" where none: a null argument).
  std::string Prepare, Parent, Child;
  // Set by link(), not serialised: where the call's targets are kept.
  uint32_t LinkTargets = UINT32_MAX;
};

/// Whether E makes its handle live in this process: a create, a connect, a
/// safe reset, or a first use that connects.
inline bool makesLive(const Event &E) {
  return E.Kind == EventKind::Create || E.Kind == EventKind::Connect ||
         E.Kind == EventKind::Reset ||
         (E.Kind == EventKind::Use && E.Connects);
}

/// A value expression over a function's places, as text (parsed once at
/// link time; checker/lib/Analysis/ValueExpr.h):
///   k<int>      a constant (a string literal: stringConstant(), ValueExpr.h)
///               p<i>   Places[i]
///   f<i>        the address of FnRefs[i]  n      some non-null pointer
///   g           this process' identity (getpid(), forksafe_generation())
///   ?           unknown
///   op(a, ...)  op: ! neg ~ == != < <= > >= && || + - * / % & | ^ << >> ?:
///               addr (the address of a place: an out-parameter argument)
///               fnp (a function pointer read: unknown means bound)
/// e.g. "==(p0,k0)" for 'pid == 0'. Empty: none.

/// A CFG edge, labelled by the value of its block's condition that takes it.
struct Edge {
  enum Label : uint8_t { Always, True, False, Case, Default };
  unsigned To = 0;
  Label When = Always;
  std::vector<int64_t> Cases; // Case: the case labels' values
};

struct Block {
  std::vector<Event> Events;
  std::vector<Edge> Succs;
  std::string Cond;   // the branch condition its labelled edges test
  std::string Return; // 'return <value>;' ends the block: the value
};

struct Function {
  std::string Usr;
  std::string Name;
  Location Loc;
  bool IsMain = false;
  bool IsStaticInit = false; // synthetic: the TU's dynamic initializers
  bool IsStaticDtors = false; // synthetic: destructors of the TU's statics,
                              // run by exit() and by returning from main
  bool AddressTaken = false;
  // Its address is used other than by storing it into a function-pointer
  // field or variable (passed, returned, cast into something else): any
  // indirect call of its type may reach it. Facts before version 4: true.
  bool Escapes = true;
  std::string Signature;     // canonical function type
  std::vector<std::string> Overrides; // USRs of overridden virtual methods
  int NumParams = 0;
  unsigned Entry = 0, ExitBlock = 0;
  std::vector<Block> Blocks;
  // What value expressions name: places ('p<i>') and functions by address
  // ('f<i>', USRs).
  std::vector<HandleRef> Places;
  std::vector<std::string> FnRefs;
  // The functions (USRs, sorted) whose address this function's body takes
  // (a call argument, a store): where each is registered as code runs.
  std::vector<std::string> TakesAddressOf;
  // What the function returns, for factories like 'PGconn *connect_db()'.
  std::optional<Location> ReturnsCreated; // returns a handle it created
  // Where that handle is in what it returns: "" (the handle itself) or a
  // member path ('d->conn = mysql_init(NULL); ... return d;': ".conn").
  std::string ReturnsCreatedPath;
  // The variables it returns ('return d;'), as handle references (a local,
  // or the global a local stands for): whether they hold a handle it made
  // is decided when the program is linked, from what its callees do.
  std::vector<HandleRef> ReturnsVars;
  std::vector<std::string> ReturnsCallResultOf; // returns f()'s result
  std::optional<HandleRef> ReturnsRef; // an accessor: returns this handle
  // Set by link(), not serialised: the dense id (UINT32_MAX: a duplicate
  // definition that lost to another TU's).
  uint32_t LinkId = UINT32_MAX;
};

enum class Storage : uint8_t { Global, StaticLocal, StaticMember, Local };

struct HandleVar {
  std::string Key;      // USR + member path
  std::string Path;     // the member path part of Key ("" or ".conn")
  std::string Name;     // "g_db", "app.conn"
  std::string Type;     // the handle type as written
  std::string Library;  // rule library id
  Semantics Sem = Semantics::SharedSocket;
  Location Loc;         // the variable's (or enclosing object's) definition
  Storage Store = Storage::Global;
  bool IsDefinition = false;
  // Not a handle: a pointer to a struct this TU cannot see into, that a
  // call's result is stored in ('sess = db_open()'). Linking names its
  // members that the factory makes (Factories.h).
  bool OpaqueRoot = false;
  std::vector<std::string> Nolint; // check globs silenced at Loc ("*": all)
};

/// A function a module hands to its framework (a struct field, a
/// registration call, an annotation...), and when the framework runs it.
struct HookBinding {
  std::string Framework;
  HookRole Role = HookRole::PreFork;
  std::string FunctionUsr, FunctionName;
  Location Loc; // the registration
  std::string Note;
  std::vector<int64_t> MasterArgs, WorkerArgs;
  std::string AbortsIf; // HookRule::AbortsIfReturns
  bool ForksHere = false; // HookRule::ForksHere: forked at the registration
};

/// A fix-it edit: replace From (as spelled at Loc) with To. From empty: an
/// insertion at Loc.
struct TextEdit {
  Location Loc;
  std::string From, To;
  bool operator==(const TextEdit &O) const {
    return Loc == O.Loc && From == O.From && To == O.To;
  }
};

/// A namespace-scope C++ variable of a handle type as one TU spells it: its
/// declarations and the references to it, for the fix-it that makes it a
/// handle created lazily in each process (checker/lib/Facts/LazyHandleFacts.cpp).
struct LazyVar {
  std::string Var;     // USR
  std::string Blocked; // why no fix can be offered ("": it can)
  struct Decl {
    Location Loc;      // where Text starts (the type)
    std::string Text;  // type, declarator and initialiser, through the ';'
    std::string Type;  // the type as spelled: "pqxx::connection", "PGconn *"
    std::string Name;  // the declarator's name as spelled ("db", "app::db")
    std::string Init;  // the initialiser as spelled after the name:
                       // "", "= make()", "(a, b)", "{a}"; trimmed
    bool Definition = false;
    bool ClassType = false;
  };
  std::vector<Decl> Decls;
  /// A reference: Text at Loc is the id-expression ("db", "app::db"), and
  /// for a '.' member access the '.' after it, as spelled ("db.", "db .").
  struct Ref {
    enum Kind : uint8_t { Operand, Postfix, Dot };
    Location Loc;
    std::string Text;
    std::string Name; // the id-expression alone
    Kind What = Operand;
  };
  std::vector<Ref> Refs;
  /// Per file with a declaration: where an #include goes, and which of the
  /// headers a fix may need the file already includes.
  struct Include {
    std::string File;
    Location At; // start of the line after an #include (or of the file)
    std::vector<std::string> Present; // e.g. "forksafe/guarded.hpp", "atomic"
    bool Ok = false; // a place was found
  };
  std::vector<Include> Includes;
  bool Cxx17 = false; // guaranteed copy elision: per_process<T> needs no move
  bool Movable = true; // T can be returned by value before C++17
};

/// The top level of a framework hook's body, for the fix-it that moves a
/// connect from a pre-fork hook into a post-fork hook
/// (checker/lib/Facts/HookBodyFacts.cpp).
struct HookBody {
  std::string Usr; // the hook function
  std::string Name;
  std::string File;
  struct Stmt {
    Location Begin, End;  // first and last character (';' included)
    std::string Blocked;  // why it cannot be moved ("": it can)
    std::string Text;     // the statement as spelled, ';' included
    TextEdit Cut;         // removes it (its whole lines when it is alone)
    std::vector<std::string> Vars; // USRs of the global variables it names
    Location Needs; // the last declaration in File it names: a moved copy
                    // must come after it
  };
  std::vector<Stmt> Stmts;
  Location InsertAt;       // where a moved statement goes: before the final
  std::string Indent;      // 'return', else before the closing brace
  std::string InsertSuffix; // "\n" when inserting before a line, else " "
  bool Guarded = false;    // an earlier top-level 'if (<first parameter>
                           // ...) return' precedes InsertAt
};

struct TUFacts {
  int Version = FactsVersion;
  std::string MainFile;
  std::vector<Function> Functions;
  std::vector<HandleVar> Handles;
  std::vector<HookBinding> Hooks;
  std::vector<LazyVar> LazyVars;     // C++ only, for the lazy-handle fix
  std::vector<HookBody> HookBodies;  // hook functions defined in this TU
  // Function-pointer slots: fields and global or local variables (by USR),
  // parameters ("USR#p<i>") and return values ("USR#r"). The functions stored
  // into each, the flows between them (destination, source slot), and those
  // that were also assigned something unknown (a call through them may
  // reach any escaped function of its type). A function without a body
  // here, or LoadedSymbolUsr (what dlsym() returned), is code outside the
  // program: a call through a slot that holds only such code reaches
  // none of the program's functions.
  std::map<std::string, std::vector<std::string>> FunctionSlots;
  std::vector<std::pair<std::string, std::string>> SlotFlows;
  // Data pointers the same way: the globals (and members of globals) whose
  // address is stored into a slot ('ConnGuard g{&g_pg}', 'app.state =
  // &g_state'), as "USR\n.path", so a handle reached through a pointer
  // member is the handle it points to.
  std::map<std::string, std::vector<std::string>> DataSlots;
  std::vector<std::string> OpaqueSlots;
  // Scalar globals' initial values (USR + member path -> value), for the
  // definitions with a constant initialiser (or none: zero).
  std::map<std::string, int64_t> GlobalInits;
  // Arrays of function pointers, or of structs with function-pointer
  // members, initialised statically and never stored into in their TU:
  // "USR" or "USR.member" -> each element's function (USR, "" for none).
  std::map<std::string, std::vector<std::string>> Tables;
  // Globals (USRs) another name may write: their address is taken, or they
  // are volatile. No initial value of theirs, or of their members, holds.
  std::vector<std::string> EscapedGlobals;
  // Functions (USRs) whose address code takes as it runs (a call argument,
  // a store in a function body), not only a static's initialiser: such a
  // function enters a function-pointer slot only once that code has run.
  std::vector<std::string> RunTimeAddressed;
  // Functions (USRs) named in the initialiser of a variable with static
  // storage (a module's export table): in their slots before main() runs,
  // in every process.
  std::vector<std::string> StaticallyAddressed;
  // Globals whose address only the initialiser of a file-scope array takes
  // (a module's parameter table, a configuration option table): code that
  // reads the configuration writes them once, early. No initial value of
  // theirs holds, but one run sees one value: their tests agree.
  std::vector<std::string> ConfiguredGlobals;
  // Statically initialised global arrays of C structs: each element's
  // scalar fields' initial values ("USR[i].field" -> value; a pointer to
  // a string literal, a function or a static object is NonNullElementInit;
  // another non-null pointer is absent), and each array's element struct
  // (USR -> the struct's USR). They hold where no code writes the field.
  std::map<std::string, int64_t> ElementInits;
  std::map<std::string, std::string> ElementTypes;
  // Struct fields this TU writes ("struct USR.field"), or whose objects it
  // writes whole or hands to library code ("struct USR.*"). Facts written
  // before these were recorded lack them (FieldWritesKnown false): then no
  // element's initial value holds in the program.
  std::vector<std::string> WrittenFields;
  bool FieldWritesKnown = false;
};

std::string factsToJson(const TUFacts &F, bool Pretty = false);
/// Returns false (and sets Error) on malformed input or another version.
bool factsFromJson(const std::string &Text, TUFacts &Out, std::string &Error);
/// The same from a parsed document (a cache entry or a worker's result
/// holds the facts inside a larger document: no second parse).
bool factsFromJson(const nlohmann::json &J, TUFacts &Out, std::string &Error);

} // namespace forksafe
