// SPDX-License-Identifier: Apache-2.0
// Parses a framework rule file: the hooks that run before and after the fork.
#include "RuleValidator.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace forksafe {

namespace {

using json = nlohmann::json;

/// 'callback-registries': callbacks the framework keeps by name and runs by
/// name (ProFTPD's events).
std::vector<RegistryRule> loadRegistries(RuleValidator &V, const json &Root,
                                         const std::string &Framework) {
  std::vector<RegistryRule> Out;
  if (!Root.is_object() || !Root.contains("callback-registries"))
    return Out;
  const json &Rs = Root["callback-registries"];
  if (!Rs.is_array() || Rs.empty()) {
    V.error("/callback-registries",
            "key 'callback-registries' must be a non-empty array");
    return Out;
  }
  for (size_t I = 0; I < Rs.size(); ++I) {
    std::string P = "/callback-registries/" + std::to_string(I);
    const json &R = Rs[I];
    if (!R.is_object()) {
      V.error(P, V.where(P) + " must be an object");
      continue;
    }
    V.checkKeys(R, P,
                {"register", "register-key-arg", "register-callback-arg",
                 "dispatch", "dispatch-key-arg", "source"},
                {"register", "register-key-arg", "register-callback-arg",
                 "dispatch", "dispatch-key-arg", "source"});
    RegistryRule RR;
    RR.Framework = Framework;
    V.string(R, P, "register", RR.Register, true);
    V.string(R, P, "dispatch", RR.Dispatch, true);
    if (R.contains("source"))
      V.source(R, P, RR.Source);
    for (auto [Key, Into] : {std::pair<const char *, int *>{"register-key-arg",
                                                            &RR.RegisterKeyArg},
                             {"register-callback-arg", &RR.RegisterCallbackArg},
                             {"dispatch-key-arg", &RR.DispatchKeyArg}}) {
      if (!R.contains(Key))
        continue;
      if (!isArgIndex(R[Key]))
        V.error(P + "/" + Key, std::string("key '") + Key + "' in " +
                                   V.where(P) + " must be an argument index");
      else
        *Into = R[Key].get<int>();
    }
    if (R.contains("register-key-arg") && R.contains("register-callback-arg") &&
        isArgIndex(R["register-key-arg"]) &&
        isArgIndex(R["register-callback-arg"]) &&
        RR.RegisterKeyArg == RR.RegisterCallbackArg)
      V.error(P + "/register-callback-arg",
              "key 'register-callback-arg' in " + V.where(P) +
                  " names the same argument as 'register-key-arg'");
    Out.push_back(RR);
  }
  return Out;
}

} // namespace

/// A framework rule file: which module hooks run before or after the fork.
void loadFramework(const std::string &Path, const PositionedJson &Doc,
                   RuleSet &Rules, std::vector<RuleError> &Errors) {
  RuleValidator V(Path, Doc, Errors);
  const json &Root = Doc.Value;
  size_t Before = Errors.size();
  // 'extends': a project adds hooks to a framework loaded before it (its
  // own helpers that nginx's init_module calls, say); they join that
  // framework's model, name and remedy.
  bool Extends = Root.is_object() && Root.contains("extends");
  V.checkKeys(Root, "",
              {"framework", "extends", "name", "source", "remedy", "hooks",
               "callback-registries"},
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
                 "aborts-if-returns", "forks-here", "note", "source"},
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
    // Kamailio's fork_basic_timer(): the registration forks the process
    // the function runs in, there and then.
    if (H.contains("forks-here")) {
      if (!H["forks-here"].is_boolean())
        V.error(P + "/forks-here", "key 'forks-here' in " + V.where(P) +
                                       " must be true or false");
      else if (HR.Role != HookRole::Request || HR.Register.empty())
        V.error(P + "/forks-here", "key 'forks-here' in " + V.where(P) +
                                       " is only for request hooks with "
                                       "'register'");
      else
        HR.ForksHere = H["forks-here"].get<bool>();
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
  std::vector<RegistryRule> Registries = loadRegistries(V, Root, HooksOf);
  if (Errors.size() != Before)
    return;
  Rules.Frameworks.push_back(F);
  Rules.Hooks.insert(Rules.Hooks.end(), Hooks.begin(), Hooks.end());
  Rules.Registries.insert(Rules.Registries.end(), Registries.begin(),
                          Registries.end());
}

} // namespace forksafe
