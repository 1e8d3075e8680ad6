// SPDX-License-Identifier: Apache-2.0
/// Internal to the rule loader: checks of a rule file's JSON values, each
/// problem reported at file:line:column.
#pragma once

#include "PositionedJson.h"

#include "forksafe/Rules.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace forksafe {

class RuleValidator {
public:
  RuleValidator(std::string File, const PositionedJson &Doc,
                std::vector<RuleError> &Errors)
      : File(std::move(File)), Doc(Doc), Errors(Errors) {}

  void error(const std::string &Pointer, const std::string &Message);

  /// "/functions/3/role" -> "functions[3].role".
  static std::string where(const std::string &Pointer);

  static size_t editDistance(const std::string &A, const std::string &B);

  /// Reports keys of Obj not in Allowed; "$comment" and "$schema" are always
  /// allowed.
  bool checkKeys(const nlohmann::json &Obj, const std::string &Pointer,
                 const std::set<std::string> &Allowed,
                 const std::set<std::string> &Required);

  bool string(const nlohmann::json &Obj, const std::string &Pointer,
              const std::string &Key, std::string &Out, bool Required);

  bool source(const nlohmann::json &Obj, const std::string &Pointer,
              std::string &Out);

  std::string File;
  const PositionedJson &Doc;
  std::vector<RuleError> &Errors;
};

/// An argument index: 0 to 255 (C promises 127 parameters). A larger
/// number would wrap when stored as int, and -1 and -2 mean "return" and
/// "this" (checked by the fuzz target: 'handle': 4294967294 was loaded as
/// "this").
bool isArgIndex(const nlohmann::json &V);

/// The parsers of the two kinds of rule file (rules/README.md). Each loads
/// all of its file into Rules or, with errors, nothing.
void loadLibrary(const std::string &Path, const PositionedJson &Doc,
                 RuleSet &Rules, std::vector<RuleError> &Errors);
void loadFramework(const std::string &Path, const PositionedJson &Doc,
                   RuleSet &Rules, std::vector<RuleError> &Errors);

} // namespace forksafe
