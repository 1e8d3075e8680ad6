// SPDX-License-Identifier: Apache-2.0
/// The command line of the forksafe tool, parsed and validated.
#pragma once

#include "clang/Tooling/CompilationDatabase.h"

#include <memory>
#include <string>
#include <vector>

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitPartial = 3 };

struct CliOptions {
  enum Mode { Analyse, Extract, Link } Mode = Analyse;
  std::vector<std::string> Files;
  std::string BuildPath;
  std::string Checks = "forksafe-*";
  bool ListChecks = false;
  std::vector<std::string> RulePaths;
  bool NoDefaultRules = false;
  unsigned Jobs = 0;
  bool Quiet = false, Verbose = false;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  bool DumpFacts = false;
  std::string CacheDir;  // empty: no cache
  std::string FactsDir;  // extract: where facts go
  unsigned ShardIndex = 1, ShardCount = 1;
  unsigned TuTimeout = 0;
  bool LocalHandles = true;
};

/// Parses argv. Returns ExitClean to go on, -1 when the run is over (e.g.
/// --help), or ExitUsage after printing one line on stderr.
int parseCommandLine(int argc, const char **argv, CliOptions &O,
                     std::unique_ptr<clang::tooling::CompilationDatabase> &Fixed);
