// SPDX-License-Identifier: Apache-2.0
// Loads and validates rule files (format: rules/README.md, schema:
// rules/schema/forksafe-rules.schema.json). Every problem is reported with
// file:line:column; unknown keys are errors so typos cannot silently disable
// a rule.
#include "forksafe/Rules.h"
#include "PositionedJson.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace forksafe {

std::string RuleError::str() const {
  std::ostringstream OS;
  OS << File;
  if (Line)
    OS << ":" << Line << ":" << Column;
  OS << ": " << Message;
  return OS.str();
}

namespace {

using json = nlohmann::json;

class Validator {
public:
  Validator(std::string File, const PositionedJson &Doc,
            std::vector<RuleError> &Errors)
      : File(std::move(File)), Doc(Doc), Errors(Errors) {}

  void error(const std::string &Pointer, const std::string &Message) {
    TextPos P = Doc.at(Pointer);
    Errors.push_back({File, P.Line, P.Column, Message});
  }

  static std::string where(const std::string &Pointer) {
    // "/functions/3/role" -> "functions[3].role"
    std::string R;
    std::istringstream IS(Pointer);
    std::string Tok;
    std::getline(IS, Tok, '/');
    while (std::getline(IS, Tok, '/')) {
      if (!Tok.empty() && std::all_of(Tok.begin(), Tok.end(), ::isdigit))
        R += "[" + Tok + "]";
      else
        R += (R.empty() ? "" : ".") + Tok;
    }
    return R.empty() ? "top level" : R;
  }

  /// Reports keys of Obj not in Allowed; "$comment" and "$schema" are always
  /// allowed.
  static size_t editDistance(const std::string &A, const std::string &B) {
    std::vector<size_t> Row(B.size() + 1);
    for (size_t J = 0; J <= B.size(); ++J)
      Row[J] = J;
    for (size_t I = 1; I <= A.size(); ++I) {
      size_t Diag = Row[0];
      Row[0] = I;
      for (size_t J = 1; J <= B.size(); ++J) {
        size_t Up = Row[J];
        Row[J] = std::min({Row[J] + 1, Row[J - 1] + 1,
                           Diag + (A[I - 1] == B[J - 1] ? 0 : 1)});
        Diag = Up;
      }
    }
    return Row[B.size()];
  }

  bool checkKeys(const json &Obj, const std::string &Pointer,
                 const std::set<std::string> &Allowed,
                 const std::set<std::string> &Required) {
    bool Ok = true;
    std::set<std::string> Suggested;
    for (auto It = Obj.begin(); It != Obj.end(); ++It) {
      const std::string &K = It.key();
      if (K == "$comment" || K == "$schema" || Allowed.count(K))
        continue;
      std::string Hint;
      for (const std::string &A : Allowed)
        if (editDistance(K, A) <= 2 && !Obj.contains(A)) {
          Hint = " (did you mean '" + A + "'?)";
          Suggested.insert(A);
          break;
        }
      error(Pointer + "/" + K,
            "unknown key '" + K + "' in " + where(Pointer) + Hint);
      Ok = false;
    }
    for (const std::string &K : Required)
      if (!Obj.contains(K) && !Suggested.count(K)) {
        error(Pointer, "missing required key '" + K + "' in " + where(Pointer));
        Ok = false;
      }
    return Ok;
  }

  bool string(const json &Obj, const std::string &Pointer,
              const std::string &Key, std::string &Out, bool Required) {
    if (!Obj.contains(Key))
      return !Required;
    const json &V = Obj[Key];
    if (!V.is_string() || V.get<std::string>().empty()) {
      error(Pointer + "/" + Key, "key '" + Key + "' in " + where(Pointer) +
                                     " must be a non-empty string");
      return false;
    }
    Out = V.get<std::string>();
    return true;
  }

  bool source(const json &Obj, const std::string &Pointer, std::string &Out) {
    if (!string(Obj, Pointer, "source", Out, true))
      return false;
    if (Out.empty())
      return false;
    if (Out.rfind("https://", 0) != 0 && Out.rfind("http://", 0) != 0) {
      error(Pointer + "/source", "key 'source' in " + where(Pointer) +
                                     " must be an http(s) URL");
      return false;
    }
    return true;
  }

  std::string File;
  const PositionedJson &Doc;
  std::vector<RuleError> &Errors;
};

/// An argument index: 0 to 255 (C promises 127 parameters). A larger
/// number would wrap when stored as int, and -1 and -2 mean "return" and
/// "this" (checked by the fuzz target: 'handle': 4294967294 was loaded as
/// "this").
bool isArgIndex(const json &V) {
  return V.is_number_unsigned() && V.get<uint64_t>() <= 255;
}

std::optional<Role> parseRole(const std::string &S) {
  static const std::map<std::string, Role> Roles = {
      {"create", Role::Create}, {"init", Role::Init},
      {"connect", Role::Connect}, {"use", Role::Use},
      {"close", Role::Close}, {"reset", Role::Reset}};
  auto It = Roles.find(S);
  if (It == Roles.end())
    return std::nullopt;
  return It->second;
}

std::optional<Semantics> parseSemantics(const std::string &S) {
  if (S == "shared-socket")
    return Semantics::SharedSocket;
  if (S == "process-bound")
    return Semantics::ProcessBound;
  if (S == "thread-owning")
    return Semantics::ThreadOwning;
  return std::nullopt;
}

std::optional<HookRole> parseHookRole(const std::string &S) {
  if (S == "prefork")
    return HookRole::PreFork;
  if (S == "postfork")
    return HookRole::PostFork;
  if (S == "request")
    return HookRole::Request;
  return std::nullopt;
}

/// A framework rule file: which module hooks run before or after the fork.
void loadFramework(const std::string &Path, const PositionedJson &Doc,
                   RuleSet &Rules, std::vector<RuleError> &Errors) {
  Validator V(Path, Doc, Errors);
  const json &Root = Doc.Value;
  size_t Before = Errors.size();
  // 'extends': a project adds hooks to a framework loaded before it (its
  // own helpers that nginx's init_module calls, say); they join that
  // framework's model, name and remedy.
  bool Extends = Root.is_object() && Root.contains("extends");
  V.checkKeys(Root, "",
              {"framework", "extends", "name", "source", "remedy", "hooks"},
              Extends ? std::set<std::string>{"framework", "source", "hooks"}
                      : std::set<std::string>{"framework", "name", "source",
                                                 "remedy", "hooks"});
  FrameworkRule F;
  F.File = Path;
  V.string(Root, "", "framework", F.Name, true);
  V.string(Root, "", "name", F.DisplayName, !Extends);
  V.string(Root, "", "remedy", F.Remedy, !Extends);
  if (Root.contains("source"))
    V.source(Root, "", F.Source);
  if (!F.Name.empty() && Rules.framework(F.Name))
    V.error("/framework", "framework '" + F.Name + "' is already defined in " +
                              Rules.framework(F.Name)->File);
  std::string HooksOf = F.Name;
  if (Extends && V.string(Root, "", "extends", HooksOf, true)) {
    if (const FrameworkRule *Base = Rules.framework(HooksOf)) {
      if (F.DisplayName.empty())
        F.DisplayName = Base->DisplayName;
      if (F.Remedy.empty())
        F.Remedy = Base->Remedy;
    } else {
      V.error("/extends", "key 'extends' names framework '" + HooksOf +
                              "', which is not loaded (load its rule file "
                              "first)");
    }
  }
  std::vector<HookRule> Hooks;
  const json *Hs = Root.contains("hooks") ? &Root["hooks"] : nullptr;
  if (Hs && (!Hs->is_array() || Hs->empty()))
    V.error("/hooks", "key 'hooks' must be a non-empty array");
  for (size_t I = 0; Hs && Hs->is_array() && I < Hs->size(); ++I) {
    std::string P = "/hooks/" + std::to_string(I);
    const json &H = (*Hs)[I];
    if (!H.is_object()) {
      V.error(P, V.where(P) + " must be an object");
      continue;
    }
    V.checkKeys(H, P,
                {"role", "struct", "field", "struct-has", "field-type",
                 "register", "register-arg", "function", "function-prefix",
                 "function-type", "annotation", "master-args", "worker-args",
                 "aborts-if-returns", "note", "source"},
                {"role", "note", "source"});
    HookRule HR;
    HR.Framework = HooksOf;
    std::string Role;
    if (V.string(H, P, "role", Role, true) && !Role.empty()) {
      if (auto R = parseHookRole(Role))
        HR.Role = *R;
      else
        V.error(P + "/role", "key 'role' in " + V.where(P) +
                                 " must be one of prefork, postfork, request "
                                 "(got '" + Role + "')");
    }
    V.string(H, P, "struct", HR.Struct, false);
    V.string(H, P, "field", HR.Field, false);
    V.string(H, P, "field-type", HR.FieldType, false);
    V.string(H, P, "register", HR.Register, false);
    V.string(H, P, "function", HR.Function, false);
    V.string(H, P, "function-prefix", HR.FunctionPrefix, false);
    V.string(H, P, "annotation", HR.Annotation, false);
    V.string(H, P, "function-type", HR.FunctionType, false);
    if (H.contains("struct-has")) {
      const json &A = H["struct-has"];
      bool Ok = A.is_array() && !A.empty();
      for (const json &X : A)
        Ok &= X.is_string() && !X.get<std::string>().empty();
      if (!Ok)
        V.error(P + "/struct-has", "key 'struct-has' in " + V.where(P) +
                                       " must be a non-empty list of field "
                                       "names");
      else if (HR.Struct.empty() || HR.Field.empty())
        V.error(P + "/struct-has", "key 'struct-has' in " + V.where(P) +
                                       " needs 'struct' and 'field'");
      else
        HR.StructHas = A.get<std::vector<std::string>>();
    }
    V.string(H, P, "note", HR.Note, true);
    if (H.contains("source"))
      V.source(H, P, HR.Source);
    if (H.contains("register-arg")) {
      if (!isArgIndex(H["register-arg"]))
        V.error(P + "/register-arg", "key 'register-arg' in " + V.where(P) +
                                         " must be an argument index");
      else
        HR.RegisterArg = H["register-arg"].get<int>();
    }
    for (const char *Key : {"master-args", "worker-args"}) {
      if (!H.contains(Key))
        continue;
      const json &A = H[Key];
      bool Ok = A.is_array();
      for (const json &X : A)
        Ok &= X.is_number_integer();
      if (!Ok) {
        V.error(P + "/" + Key, std::string("key '") + Key + "' in " +
                                   V.where(P) + " must be a list of integers");
        continue;
      }
      bool Master = std::string(Key) == "master-args";
      // A worker's rank: for a post-fork hook its first argument there, for
      // a request hook the rank the post-fork hooks get in its process.
      if (HR.Role != HookRole::PostFork &&
          (Master || HR.Role != HookRole::Request)) {
        V.error(P + "/" + Key, std::string("key '") + Key + "' in " +
                                   V.where(P) + " is only for " +
                                   (Master ? "postfork hooks"
                                           : "postfork and request hooks"));
        continue;
      }
      (Master ? HR.MasterArgs : HR.WorkerArgs) = A.get<std::vector<int64_t>>();
    }
    if (V.string(H, P, "aborts-if-returns", HR.AbortsIfReturns, false) &&
        !HR.AbortsIfReturns.empty()) {
      if (HR.AbortsIfReturns != "negative" && HR.AbortsIfReturns != "nonzero")
        V.error(P + "/aborts-if-returns",
                "key 'aborts-if-returns' in " + V.where(P) +
                    " must be one of negative, nonzero (got '" +
                    HR.AbortsIfReturns + "')");
      else if (HR.Role != HookRole::PreFork)
        V.error(P + "/aborts-if-returns",
                "key 'aborts-if-returns' in " + V.where(P) +
                    " is only for prefork hooks");
    }
    int Ways = (!HR.Field.empty() && !HR.Struct.empty()) + !HR.FieldType.empty() +
               !HR.Register.empty() + !HR.Function.empty() +
               !HR.FunctionPrefix.empty() + !HR.Annotation.empty() +
               !HR.FunctionType.empty();
    if (Ways != 1)
      V.error(P, V.where(P) + " needs exactly one of struct+field, "
                              "field-type, register, function, "
                              "function-prefix, function-type, annotation");
    Hooks.push_back(HR);
  }
  if (Errors.size() != Before)
    return;
  Rules.Frameworks.push_back(F);
  Rules.Hooks.insert(Rules.Hooks.end(), Hooks.begin(), Hooks.end());
}

void loadDocument(const std::string &Path, const PositionedJson &Doc,
                  RuleSet &Rules, std::vector<RuleError> &Errors) {
  Validator V(Path, Doc, Errors);
  const json &Root = Doc.Value;
  if (!Root.is_object()) {
    V.error("", "a rule file must be a JSON object");
    return;
  }
  if (Root.contains("framework")) {
    loadFramework(Path, Doc, Rules, Errors);
    return;
  }
  size_t ErrorsBefore = Errors.size();
  V.checkKeys(Root, "", {"library", "name", "source", "remedy", "handles",
                         "functions"},
              {"library", "name", "source", "handles", "functions"});

  LibraryRule Lib;
  Lib.File = Path;
  V.string(Root, "", "library", Lib.Name, true);
  V.string(Root, "", "name", Lib.DisplayName, true);
  V.string(Root, "", "remedy", Lib.Remedy, false);
  if (Root.contains("source"))
    V.source(Root, "", Lib.Source);
  if (!Lib.Name.empty()) {
    if (const LibraryRule *Prev = Rules.library(Lib.Name))
      V.error("/library", "library '" + Lib.Name + "' is already defined in " +
                              Prev->File);
  }

  std::vector<HandleRule> Handles;
  std::set<std::string> TypeNames;
  if (Root.contains("handles")) {
    const json &Hs = Root["handles"];
    if (!Hs.is_array() || Hs.empty()) {
      V.error("/handles", "key 'handles' must be a non-empty array");
    } else {
      for (size_t I = 0; I < Hs.size(); ++I) {
        std::string P = "/handles/" + std::to_string(I);
        const json &H = Hs[I];
        if (!H.is_object()) {
          V.error(P, V.where(P) + " must be an object");
          continue;
        }
        V.checkKeys(H, P, {"type", "semantics", "source"},
                    {"type", "semantics", "source"});
        HandleRule HR;
        HR.Library = Lib.Name;
        V.string(H, P, "type", HR.Type, true);
        std::string Sem;
        if (V.string(H, P, "semantics", Sem, true) && !Sem.empty()) {
          if (auto S = parseSemantics(Sem))
            HR.Sem = *S;
          else
            V.error(P + "/semantics",
                    "key 'semantics' in " + V.where(P) +
                        " must be one of shared-socket, process-bound, "
                        "thread-owning (got '" + Sem + "')");
        }
        if (H.contains("source"))
          V.source(H, P, HR.Source);
        if (!HR.Type.empty()) {
          if (!TypeNames.insert(HR.Type).second)
            V.error(P + "/type", "handle type '" + HR.Type +
                                     "' is listed twice");
          else if (const HandleRule *Prev = Rules.handleType(HR.Type))
            V.error(P + "/type", "handle type '" + HR.Type +
                                     "' is already defined by library '" +
                                     Prev->Library + "'");
        }
        Handles.push_back(HR);
      }
    }
  }

  std::vector<FunctionRule> Functions;
  std::set<std::string> Seen;
  if (Root.contains("functions")) {
    const json &Fs = Root["functions"];
    if (!Fs.is_array() || Fs.empty()) {
      V.error("/functions", "key 'functions' must be a non-empty array");
    } else {
      for (size_t I = 0; I < Fs.size(); ++I) {
        std::string P = "/functions/" + std::to_string(I);
        const json &F = Fs[I];
        if (!F.is_object()) {
          V.error(P, V.where(P) + " must be an object");
          continue;
        }
        V.checkKeys(F, P,
                    {"name", "role", "handle", "type", "returns-handle",
                     "connects", "harmful-close", "harm", "source"},
                    {"name", "role", "handle", "type", "source"});
        FunctionRule FR;
        FR.Library = Lib.Name;
        V.string(F, P, "name", FR.Function, true);
        std::string RoleText;
        bool RoleOk = false;
        if (V.string(F, P, "role", RoleText, true) && !RoleText.empty()) {
          if (auto R = parseRole(RoleText)) {
            FR.FunctionRole = *R;
            RoleOk = true;
          } else
            V.error(P + "/role", "key 'role' in " + V.where(P) +
                                     " must be one of create, init, connect, "
                                     "use, close, reset (got '" + RoleText +
                                     "')");
        }
        if (F.contains("handle")) {
          const json &H = F["handle"];
          if (isArgIndex(H))
            FR.HandleArg = H.get<int>();
          else if (H.is_string() && H.get<std::string>() == "return")
            FR.HandleArg = FunctionRule::ReturnValue;
          else if (H.is_string() && H.get<std::string>() == "this")
            FR.HandleArg = FunctionRule::ThisObject;
          else
            V.error(P + "/handle", "key 'handle' in " + V.where(P) +
                                       " must be an argument index (0, 1, ...), "
                                       "\"return\" or \"this\"");
          if (RoleOk && FR.HandleArg == FunctionRule::ReturnValue &&
              H.is_string() &&
              FR.FunctionRole != Role::Create && FR.FunctionRole != Role::Init)
            V.error(P + "/handle", "only create and init functions can "
                                   "return the handle (" + V.where(P) + ")");
        }
        if (V.string(F, P, "type", FR.HandleType, true) &&
            !FR.HandleType.empty() && !TypeNames.count(FR.HandleType))
          V.error(P + "/type", "type '" + FR.HandleType + "' in " +
                                   V.where(P) +
                                   " is not one of this file's handles");
        for (const char *Flag : {"returns-handle", "harmful-close", "connects"}) {
          if (!F.contains(Flag))
            continue;
          if (!F[Flag].is_boolean()) {
            V.error(P + "/" + Flag, std::string("key '") + Flag + "' in " +
                                        V.where(P) + " must be true or false");
            continue;
          }
          bool B = F[Flag].get<bool>();
          if (std::string(Flag) == "returns-handle")
            FR.AlsoReturnsHandle = B;
          else if (std::string(Flag) == "connects")
            FR.Connects = B;
          else
            FR.HarmfulClose = B;
        }
        if (RoleOk && FR.AlsoReturnsHandle && FR.FunctionRole != Role::Connect)
          V.error(P + "/returns-handle",
                  "'returns-handle' applies to connect functions only");
        if (RoleOk && FR.Connects && FR.FunctionRole != Role::Use)
          V.error(P + "/connects", "'connects' applies to use functions only");
        if (RoleOk && F.contains("harmful-close") &&
            FR.FunctionRole != Role::Close)
          V.error(P + "/harmful-close",
                  "'harmful-close' applies to close functions only");
        V.string(F, P, "harm", FR.Harm, false);
        if (FR.HarmfulClose && FR.Harm.empty())
          V.error(P, "a harmful close needs a 'harm' text (" + V.where(P) + ")");
        if (F.contains("source"))
          V.source(F, P, FR.Source);
        if (!FR.Function.empty() &&
            !Seen.insert(FR.Function + "|" + FR.HandleType + "|" +
                         std::to_string(FR.HandleArg))
                 .second)
          V.error(P + "/name", "function '" + FR.Function +
                                   "' is listed twice for the same handle "
                                   "argument of type '" + FR.HandleType + "'");
        Functions.push_back(FR);
      }
    }
  }

  if (Errors.size() != ErrorsBefore)
    return; // all-or-nothing per file
  Rules.Libraries.push_back(Lib);
  for (HandleRule &H : Handles)
    Rules.Handles.push_back(H);
  for (FunctionRule &F : Functions)
    Rules.Functions[F.Function].push_back(F);
}

} // namespace

std::vector<RuleError> loadRuleFile(const std::string &Path, RuleSet &Rules) {
  std::vector<RuleError> Errors;
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Errors.push_back({Path, 0, 0, "cannot read rule file"});
    return Errors;
  }
  std::stringstream Buf;
  Buf << In.rdbuf();
  return loadRuleText(Path, Buf.str(), Rules);
}

std::vector<RuleError> loadRuleText(const std::string &Path,
                                    const std::string &Text, RuleSet &Rules) {
  std::vector<RuleError> Errors;
  PositionedJson Doc;
  std::string Error;
  TextPos At;
  if (!parsePositionedJson(Text, Doc, Error, At)) {
    Errors.push_back({Path, At.Line, At.Column, "malformed JSON: " + Error});
    return Errors;
  }
  loadDocument(Path, Doc, Rules, Errors);
  return Errors;
}

std::vector<RuleError> loadRules(const std::string &PathOrDir,
                                 RuleSet &Rules) {
  namespace fs = std::filesystem;
  std::error_code EC;
  if (!fs::exists(PathOrDir, EC))
    return {{PathOrDir, 0, 0, "no such rule file or directory"}};
  if (!fs::is_directory(PathOrDir, EC))
    return loadRuleFile(PathOrDir, Rules);
  std::vector<std::string> Files;
  for (auto It = fs::recursive_directory_iterator(PathOrDir, EC);
       !EC && It != fs::recursive_directory_iterator(); It.increment(EC)) {
    const fs::path &P = It->path();
    if (It->is_regular_file() && P.extension() == ".json" &&
        P.parent_path().filename() != "schema")
      Files.push_back(P.string());
  }
  if (EC)
    return {{PathOrDir, 0, 0, "cannot list rule directory: " + EC.message()}};
  std::sort(Files.begin(), Files.end());
  std::vector<RuleError> Errors;
  for (const std::string &F : Files) {
    std::vector<RuleError> E = loadRuleFile(F, Rules);
    Errors.insert(Errors.end(), E.begin(), E.end());
  }
  return Errors;
}

} // namespace forksafe
