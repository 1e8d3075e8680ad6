// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the facts loader (FactsJson.cpp) and the facts cache
// (Cache.cpp). Facts files ('forksafe extract' shards, read by
// 'forksafe link' and the clang-tidy plugin) and cache entries are input
// too: they may be stale, truncated, from another version or written by
// someone else. Each input is tried both ways:
//  - as a facts file: factsFromJson; what loads must serialise and load
//    back to the same text, and link + analysis must survive it;
//  - as a cache entry: written where the cache looks for one, then
//    FactsCache::lookup; what it returns must survive link + analysis.
#include "forksafe/Analysis.h"
#include "forksafe/Cache.h"
#include "forksafe/Facts.h"
#include "forksafe/Program.h"
#include "forksafe/Rules.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace forksafe;

namespace {

void require(bool Cond, const char *What) {
  if (Cond)
    return;
  fprintf(stderr, "FuzzFactsLoader: property violated: %s\n", What);
  abort();
}

const RuleSet &installedRules() {
  static const RuleSet *Rules = [] {
    auto *R = new RuleSet;
    require(loadRules(FORKSAFE_SOURCE_RULES_DIR, *R).empty(),
            "the bundled rules load");
    return R;
  }();
  return *Rules;
}

/// A cache directory holding one entry for Command; EntryPath is the file
/// lookup() reads for it (found by storing once, so the harness does not
/// depend on how entries are named).
struct CacheFixture {
  std::string Dir, EntryPath;
  clang::tooling::CompileCommand Command;
  CacheFixture() {
    llvm::SmallString<128> D;
    require(!llvm::sys::fs::createUniqueDirectory("forksafe-fuzz-cache", D),
            "a scratch directory");
    Dir = std::string(D.str());
    Command.Directory = "/fuzz";
    Command.Filename = "/fuzz/a.c";
    Command.CommandLine = {"cc", "-c", "a.c"};
    FactsCache C(Dir, "fuzz");
    std::string Err;
    require(C.store(Command, TUFacts(), {}, Err), "storing a cache entry");
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".json"))
        EntryPath = It->path();
    require(!EntryPath.empty(), "the stored entry is on disk");
  }
  ~CacheFixture() { llvm::sys::fs::remove_directories(Dir); }
};

/// Linking and analysing loaded facts must not crash, whatever they say.
void analyse(const TUFacts &F) {
  CheckSelection All;
  Program P = link({F});
  (void)findHandleFindings(P, installedRules(), All);
  // The same unit twice: every USR defined twice (headers, shards that
  // overlap).
  Program P2 = link({F, F});
  (void)findHandleFindings(P2, installedRules(), All);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)installedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);

  // As a facts file.
  TUFacts F;
  std::string Error;
  if (factsFromJson(Text, F, Error)) {
    std::string Once = factsToJson(F);
    TUFacts Again;
    require(factsFromJson(Once, Again, Error),
            "serialised facts load back");
    require(factsToJson(Again) == Once, "facts survive a round trip");
    require(factsToJson(Again, /*Pretty=*/true) ==
                factsToJson(F, /*Pretty=*/true),
            "pretty facts survive a round trip");
    analyse(F);
  } else {
    require(!Error.empty(), "a rejected facts file says why");
  }

  // As a cache entry.
  static CacheFixture Cache;
  {
    std::ofstream Out(Cache.EntryPath, std::ios::binary | std::ios::trunc);
    Out.write(Text.data(), Text.size());
  }
  FactsCache C(Cache.Dir, "fuzz");
  std::string Why;
  if (std::optional<TUFacts> Cached = C.lookup(Cache.Command, Why))
    analyse(*Cached);
  else
    require(!Why.empty(), "a cache miss says why");
  return 0;
}
