// SPDX-License-Identifier: Apache-2.0
/// JSON parsing that remembers where every key and value starts, so that
/// errors in rule and configuration files can name file:line:column.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace forksafe {

struct TextPos {
  unsigned Line = 1, Column = 1;
};

struct PositionedJson {
  nlohmann::json Value;
  /// JSON pointer ("/handles/0/type") -> where that value (or key) starts.
  std::map<std::string, TextPos> Positions;
  TextPos at(const std::string &Pointer) const;
};

/// Parses Text. On failure returns false and sets Error and ErrorPos.
/// Duplicate keys in one object are an error (JSON allows them; we do not),
/// and so is nesting deeper than 64 levels.
bool parsePositionedJson(const std::string &Text, PositionedJson &Out,
                         std::string &Error, TextPos &ErrorPos);

} // namespace forksafe
