// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the rule-file loader (checker/lib/Rules).
// Rule files come from --rules and from a project's .clang-tidy
// (RuleFiles), so they are input like any other. Beyond "no crash, no UB,
// no leak" it checks what the loader promises:
//  - every error is "fuzz.json:LINE:COL: message" with a position inside
//    the text;
//  - a file is loaded all or nothing;
//  - what it accepts is what the file says (argument indices are not
//    silently changed into "return" or "this");
//  - loading the same library or framework twice is an error.
#include "forksafe/Rules.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace forksafe;

namespace {

void require(bool Cond, const char *What) {
  if (Cond)
    return;
  fprintf(stderr, "FuzzRuleLoader: property violated: %s\n", What);
  abort();
}

/// The bundled rules, loaded once: fuzz input is also loaded next to them.
const RuleSet &installedRules() {
  static const RuleSet *Rules = [] {
    auto *R = new RuleSet;
    std::vector<RuleError> Errors = loadRules(FORKSAFE_SOURCE_RULES_DIR, *R);
    for (const RuleError &E : Errors)
      fprintf(stderr, "FuzzRuleLoader: bundled rules: %s\n", E.str().c_str());
    require(Errors.empty(), "the bundled rules load");
    return R;
  }();
  return *Rules;
}

size_t count(const RuleSet &R) {
  size_t N = R.Libraries.size() + R.Frameworks.size() + R.Hooks.size() +
             R.Handles.size();
  for (const auto &[Name, Fs] : R.Functions)
    N += Fs.size();
  return N;
}

/// Errors name the file and a position that exists in Text.
void checkErrors(const std::vector<RuleError> &Errors,
                 const std::string &Text) {
  std::vector<size_t> LineLength{0};
  for (char C : Text) {
    if (C == '\n')
      LineLength.push_back(0);
    else
      ++LineLength.back();
  }
  for (const RuleError &E : Errors) {
    require(E.File == "fuzz.json", "an error names the rule file");
    require(!E.Message.empty(), "an error has a message");
    require(E.Line >= 1 && E.Line <= LineLength.size(),
            "an error's line is in the file");
    require(E.Column >= 1 && E.Column <= LineLength[E.Line - 1] + 1,
            "an error's column is on its line");
    require(E.str().rfind("fuzz.json:", 0) == 0, "RuleError::str()");
  }
}

/// Accepted argument indices are the numbers the file wrote.
void checkIndices(const std::string &Text, const RuleSet &R) {
  nlohmann::json J = nlohmann::json::parse(Text, nullptr, false);
  require(!J.is_discarded() && J.is_object(), "an accepted file is an object");
  if (J.contains("functions"))
    for (const nlohmann::json &F : J["functions"]) {
      if (!F.at("handle").is_number())
        continue;
      const std::vector<FunctionRule> *Rs =
          R.functions(F.at("name").get<std::string>());
      require(Rs != nullptr, "an accepted function rule is indexed");
      bool Found = false;
      for (const FunctionRule &FR : *Rs)
        Found |= FR.HandleArg >= 0 &&
                 uint64_t(FR.HandleArg) == F["handle"].get<uint64_t>();
      require(Found, "'handle': N is loaded as argument N");
    }
  if (J.contains("hooks")) {
    size_t I = 0;
    for (const nlohmann::json &H : J["hooks"]) {
      require(I < R.Hooks.size(), "every accepted hook is loaded");
      if (H.contains("register-arg"))
        require(R.Hooks[I].RegisterArg >= 0 &&
                    uint64_t(R.Hooks[I].RegisterArg) ==
                        H["register-arg"].get<uint64_t>(),
                "'register-arg': N is loaded as argument N");
      ++I;
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)installedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);

  // Alone.
  RuleSet Alone;
  std::vector<RuleError> Errors = loadRuleText("fuzz.json", Text, Alone);
  checkErrors(Errors, Text);
  if (!Errors.empty()) {
    require(count(Alone) == 0, "a file with errors adds nothing");
  } else {
    require(Alone.Libraries.size() + Alone.Frameworks.size() == 1,
            "an accepted file is one library or one framework");
    for (const auto &[Name, Fs] : Alone.Functions)
      for (const FunctionRule &F : Fs) {
        require(F.Function == Name, "functions are indexed by name");
        require(Alone.handleType(F.HandleType) != nullptr,
                "a function's handle type is declared");
        require(F.HandleArg >= FunctionRule::ThisObject,
                "a handle argument is an index, return or this");
      }
    checkIndices(Text, Alone);
    (void)Alone.digest();
    // The same file again: already defined.
    size_t Before = count(Alone);
    std::vector<RuleError> Again = loadRuleText("fuzz.json", Text, Alone);
    checkErrors(Again, Text);
    require(!Again.empty(), "loading a library or framework twice fails");
    require(count(Alone) == Before, "a rejected file adds nothing");
  }

  // Next to the bundled rules (name clashes, duplicate handle types).
  RuleSet With = installedRules();
  size_t Before = count(With);
  std::vector<RuleError> E2 = loadRuleText("fuzz.json", Text, With);
  checkErrors(E2, Text);
  if (!E2.empty())
    require(count(With) == Before, "a rejected file adds nothing");
  return 0;
}
