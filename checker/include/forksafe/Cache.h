// SPDX-License-Identifier: Apache-2.0
/// The facts cache: one entry per compile command, valid while the contents
/// of the main file and of every file it included are unchanged.
#pragma once

#include "forksafe/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace forksafe {

class FactsCache {
public:
  /// Salt: everything besides the command that changes the facts (tool
  /// version, facts version, rules digest, extraction options).
  FactsCache(std::string Dir, std::string Salt);

  /// Cached facts for Command, if every recorded input is unchanged. Why
  /// explains a miss or an ignored entry (for --verbose).
  std::optional<TUFacts> lookup(const clang::tooling::CompileCommand &Command,
                                std::string &Why);
  /// Stores facts atomically (write to a temporary file, then rename), so a
  /// concurrent run sharing the directory never reads a torn entry.
  bool store(const clang::tooling::CompileCommand &Command,
             const TUFacts &Facts, const std::vector<std::string> &Inputs,
             std::string &Error);
  const std::string &dir() const { return Dir; }

private:
  std::string entryPath(const clang::tooling::CompileCommand &Command) const;
  std::string contentHash(const std::string &Path);

  std::string Dir, Salt;
  std::map<std::string, std::string> Hashes; // per run: each file read once
  std::mutex HashesMutex; // lookups run on several threads
};

/// Checks that Dir exists (creating it) and is writable.
bool prepareCacheDir(const std::string &Dir, std::string &Error);

} // namespace forksafe
