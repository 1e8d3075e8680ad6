// SPDX-License-Identifier: Apache-2.0
/// The rule set: what each library's handles are and how calls treat them.
#pragma once

#include "forksafe/Model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace forksafe {

struct FunctionRule {
  std::string Function;     // C name, or qualified C++ name
  Role FunctionRole = Role::Use;
  static constexpr int ReturnValue = -1, ThisObject = -2;
  int HandleArg = ReturnValue; // argument index, ReturnValue, or ThisObject
                               // (C++ constructors, destructors, methods)
  bool AlsoReturnsHandle = false; // connect calls that return the handle too
  bool Connects = false; // a use that connects a lazy handle if it is not yet
                         // live (curl_easy_perform, redis++ commands)
  bool HarmfulClose = false;      // close that sends bytes / hangs in a child
  std::string Harm;               // what the harmful close does
  std::string Source;
  // Back references filled by the loader.
  std::string Library;
  std::string HandleType;
};

struct HandleRule {
  std::string Type; // typedef or class name, e.g. MYSQL, PGconn, pqxx::connection
  Semantics Sem = Semantics::SharedSocket;
  std::string Source;
  std::string Library;
};

struct LibraryRule {
  std::string Name;        // short id, e.g. "mysql"
  std::string DisplayName; // e.g. "MySQL/MariaDB C API"
  std::string Source;
  std::string File;        // the rule file it came from
  std::string Remedy;      // library-specific remedy text (optional)
};

/// How a module hands a function to its framework, and what that means.
struct HookRule {
  std::string Framework;   // framework id, e.g. "nginx"
  HookRole Role = HookRole::PostFork;
  // One way of recognising the registration:
  std::string Struct, Field; // a field of a struct (initializer or store)
  // With Struct+Field: fields the struct must also have, to tell apart two
  // frameworks whose structs share a tag (OpenSIPS's and Kamailio's
  // 'struct module_exports').
  std::vector<std::string> StructHas;
  std::string FieldType;     // any field/store of this function-pointer typedef
  std::string Register;      // a registration call, the function at RegisterArg
  int RegisterArg = 0;
  // The registration call forks the process the function runs in (with
  // what the caller's process holds at that call), instead of the
  // framework forking it after the master's hooks.
  bool ForksHere = false;
  std::string Function;      // a function by qualified name
  std::string FunctionPrefix;// functions whose name starts with this
  std::string Annotation;    // [[clang::annotate("...")]] on the function
  std::string FunctionType;  // functions of this type, as the headers spell
                             // it: 'Datum (FunctionCallInfo)'
  // Kamailio's child_init(rank): the values the framework passes in the
  // master (before forking) and in a worker; the body's branches on the
  // argument decide which paths run where.
  std::vector<int64_t> MasterArgs, WorkerArgs;
  // A pre-fork hook whose error return stops the framework before it forks
  // (Kamailio's mod_init returning < 0): "negative" or "nonzero".
  std::string AbortsIfReturns;
  std::string Note;          // "%s" is the function's name
  std::string Source;
};

/// A table of callbacks keyed by name that the framework runs by name:
/// ProFTPD's pr_event_register(&m, "core.exit", fn, NULL) and
/// pr_event_generate("core.exit", data). A dispatch with a known key runs
/// only the callbacks registered under that key (or under a key that is not
/// a constant); an unknown key runs any of them.
struct RegistryRule {
  std::string Framework;
  std::string Register, Dispatch; // function names
  int RegisterKeyArg = 0, RegisterCallbackArg = 1, DispatchKeyArg = 0;
  std::string Source;
};

struct FrameworkRule {
  std::string Name;        // id
  std::string DisplayName; // "nginx"
  std::string Remedy;
  std::string Source;
  std::string File;
};

/// All loaded rules, indexed for the extractor.
class RuleSet {
public:
  std::vector<LibraryRule> Libraries;
  std::vector<FrameworkRule> Frameworks;
  std::vector<HookRule> Hooks;
  std::vector<RegistryRule> Registries;
  const FrameworkRule *framework(const std::string &Name) const;
  std::vector<HandleRule> Handles;
  std::map<std::string, std::vector<FunctionRule>> Functions; // by name

  const LibraryRule *library(const std::string &Name) const;
  const HandleRule *handleType(const std::string &TypeName) const;
  const std::vector<FunctionRule> *functions(const std::string &Name) const;
  /// Rules for a call: the exact name, else for a method "Class::*".
  const std::vector<FunctionRule> *functionsFor(const std::string &Name,
                                                const std::string &Class) const;
  /// A stable digest of the rules, part of the facts cache key.
  std::string digest() const;
};

/// One problem found while loading a rule file: "file:line:col: message".
struct RuleError {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Message;
  std::string str() const;
};

/// Loads one rule file into Rules. Returns every problem found (empty: ok).
std::vector<RuleError> loadRuleFile(const std::string &Path, RuleSet &Rules);
/// Loads a rule file's contents; Path only names it in errors. (The fuzz
/// target's entry point: no file system involved.)
std::vector<RuleError> loadRuleText(const std::string &Path,
                                    const std::string &Text, RuleSet &Rules);
/// Loads a file, or every *.json in a directory (sorted, recursively).
std::vector<RuleError> loadRules(const std::string &PathOrDir, RuleSet &Rules);

} // namespace forksafe
