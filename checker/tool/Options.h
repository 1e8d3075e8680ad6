// SPDX-License-Identifier: Apache-2.0
/// The command line of the forksafe tool, parsed and validated.
#pragma once

#include "forksafe/Session.h"

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
  unsigned Jobs = 0;
  bool Quiet = false, Verbose = false;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  bool DumpFacts = false;
  std::string CacheDir;  // empty: no cache
  std::string FactsDir;  // extract: where facts go
  unsigned ShardIndex = 1, ShardCount = 1;
  unsigned TuTimeout = 0;
  // The engine's options (CheckOptions in .clang-tidy, key prefix
  // 'forksafe-inherited-handle.', then the command line's --rules,
  // --no-default-rules, --local-handles, --report-latent on top).
  forksafe::EngineSettings Engine;
  // Output.
  enum Format { Text, Json, Sarif, CodeClimate } OutputFormat = Text;
  std::string OutputFile;         // empty: stdout
  std::string Baseline, WriteBaseline;
  std::string SourceRoot;         // default: the current directory
  std::string WarningsAsErrors;
  std::string HeaderFilter;       // empty: report findings in any file
  bool HeaderFilterSet = false;
  bool DumpConfig = false;
  std::string ExportFixes;
  bool Fix = false;
  std::string ConfigSource;       // where the configuration came from
};

/// Parses argv. Returns ExitClean to go on, -1 when the run is over (e.g.
/// --help), or ExitUsage after printing one line on stderr.
int parseCommandLine(int argc, const char **argv, CliOptions &O,
                     std::unique_ptr<clang::tooling::CompilationDatabase> &Fixed);
