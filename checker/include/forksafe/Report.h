// SPDX-License-Identifier: Apache-2.0
/// Output formats for findings.
#pragma once

#include "forksafe/Finding.h"

#include <ostream>
#include <string>
#include <vector>

namespace forksafe {

/// A translation unit that could not be analysed, and why.
struct NotAnalysed {
  std::string File;
  std::string Reason;
};

/// Everything a report says about one run.
struct RunReport {
  std::vector<Finding> Findings;
  std::vector<NotAnalysed> Failed;
  size_t Analysed = 0;
  size_t SuppressedByBaseline = 0;
  std::string SourceRoot;   // relative paths and SARIF's %SRCROOT%
  std::string ToolVersion;
  std::vector<std::string> ErrorChecks; // --warnings-as-errors globs
};

/// A finding's identity across runs: the check, the handle (USR and member
/// path) and the sequence of events (note messages), not line numbers, so it
/// survives code moving around.
std::string fingerprint(const Finding &F);

/// clang's format: "file:line:col: warning: message [check]" and notes;
/// editors and CI log parsers read this.
void writeText(const RunReport &R, std::ostream &OS);
/// forksafe's own JSON (schema: checker/docs/json-format.md), versioned.
void writeJson(const RunReport &R, std::ostream &OS);
/// SARIF 2.1.0: one run, rules, code flows, relatedLocations and
/// partialFingerprints, URIs relative to %SRCROOT%.
void writeSarif(const RunReport &R, std::ostream &OS);
/// GitLab Code Quality (Code Climate issues).
void writeCodeClimate(const RunReport &R, std::ostream &OS);

/// Whether a check is reported as an error (--warnings-as-errors).
bool isError(const RunReport &R, const std::string &Check);

} // namespace forksafe
