// SPDX-License-Identifier: Apache-2.0
/// .clang-tidy configuration, read the way clang-tidy reads it, so one file
/// configures both tools.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

struct TidyConfig {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilterRegex;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::map<std::string, std::string> CheckOptions;
  bool InheritParentConfig = false;
  std::string Source; // where it came from
};

/// Parses YAML (or JSON) configuration text; Error says what is wrong.
bool parseTidyConfig(const std::string &Text, const std::string &Source,
                     TidyConfig &Out, std::string &Error);
/// Finds the nearest .clang-tidy from Dir upwards (following
/// InheritParentConfig), merged child-over-parent. No file: empty config.
bool findTidyConfig(const std::string &Dir, TidyConfig &Out, std::string &Error);
