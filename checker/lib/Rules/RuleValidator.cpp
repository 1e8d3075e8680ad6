// SPDX-License-Identifier: Apache-2.0
// Checks of a rule file's JSON values, with errors at file:line:column.
#include "RuleValidator.h"

#include <algorithm>
#include <sstream>

namespace forksafe {

namespace {
using json = nlohmann::json;
} // namespace

void RuleValidator::error(const std::string &Pointer,
                          const std::string &Message) {
  TextPos P = Doc.at(Pointer);
  Errors.push_back({File, P.Line, P.Column, Message});
}

std::string RuleValidator::where(const std::string &Pointer) {
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

size_t RuleValidator::editDistance(const std::string &A, const std::string &B) {
  std::vector<size_t> Row(B.size() + 1);
  for (size_t J = 0; J <= B.size(); ++J)
    Row[J] = J;
  for (size_t I = 1; I <= A.size(); ++I) {
    size_t Diag = Row[0];
    Row[0] = I;
    for (size_t J = 1; J <= B.size(); ++J) {
      size_t Up = Row[J];
      Row[J] = std::min(
          {Row[J] + 1, Row[J - 1] + 1, Diag + (A[I - 1] == B[J - 1] ? 0 : 1)});
      Diag = Up;
    }
  }
  return Row[B.size()];
}

bool RuleValidator::checkKeys(const json &Obj, const std::string &Pointer,
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

bool RuleValidator::string(const json &Obj, const std::string &Pointer,
                           const std::string &Key, std::string &Out,
                           bool Required) {
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

bool RuleValidator::source(const json &Obj, const std::string &Pointer,
                           std::string &Out) {
  if (!string(Obj, Pointer, "source", Out, true))
    return false;
  if (Out.empty())
    return false;
  if (Out.rfind("https://", 0) != 0 && Out.rfind("http://", 0) != 0) {
    error(Pointer + "/source",
          "key 'source' in " + where(Pointer) + " must be an http(s) URL");
    return false;
  }
  return true;
}

bool isArgIndex(const json &V) {
  return V.is_number_unsigned() && V.get<uint64_t>() <= 255;
}

} // namespace forksafe
