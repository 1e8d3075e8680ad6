// SPDX-License-Identifier: Apache-2.0
// Parses a library rule file: its handle types and what its functions do.
#include "RuleValidator.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace forksafe {

namespace {

using json = nlohmann::json;

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

} // namespace

/// A library rule file: its handle types, and what each of its functions
/// does to a handle.
void loadLibrary(const std::string &Path, const PositionedJson &Doc,
                 RuleSet &Rules, std::vector<RuleError> &Errors) {
  RuleValidator V(Path, Doc, Errors);
  const json &Root = Doc.Value;
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

} // namespace forksafe
