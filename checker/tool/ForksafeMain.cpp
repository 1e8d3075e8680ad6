// SPDX-License-Identifier: Apache-2.0
// The forksafe command line: clang-tidy's vocabulary over
// compile_commands.json, whole-program analysis, CI-friendly exit codes.
//
//   forksafe [options]            extract (cached) + link + report
//   forksafe extract [options]    write per-TU facts (optionally a shard)
//   forksafe link FACTS...        link facts files/directories and report
#include "Options.h"
#include "Progress.h"

#include "FixItOutput.h"

#include "forksafe/Analysis.h"
#include "forksafe/Baseline.h"
#include "forksafe/Cache.h"
#include "forksafe/Checks.h"
#include "forksafe/Driver.h"
#include "forksafe/FixIts.h"
#include "forksafe/Program.h"
#include "forksafe/Report.h"
#include "forksafe/Rules.h"
#include "forksafe/Session.h"
#include "forksafe/StableSort.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <iostream>
#include <thread>

#include <sys/resource.h>

using namespace llvm;
using namespace forksafe;

namespace {

int fail(const std::string &Message) {
  errs() << "forksafe: error: " << Message << "\n";
  return ExitUsage;
}

void verbose(const CliOptions &O, const std::string &Message) {
  if (O.Verbose)
    errs() << "forksafe: " << Message << "\n";
}

/// Wall seconds since Start and the peak RSS so far, for --verbose phase
/// timings.
std::string secondsSince(std::chrono::steady_clock::time_point Start) {
  struct rusage Usage = {};
  getrusage(RUSAGE_SELF, &Usage);
  char Buf[64];
  snprintf(Buf, sizeof Buf, "%.2f s (peak RSS %ld MiB)",
           std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
               .count(),
           Usage.ru_maxrss / 1024);
  return Buf;
}

struct Loaded {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::vector<clang::tooling::CompileCommand> Commands;
  std::vector<std::string> Missing; // files with no compile command
};

/// The session: the engine's options and the rules they name.
int loadSession(const char *Argv0, Session &S) {
  std::string Exe =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&loadSession));
  std::vector<RuleError> Errors = S.loadRules(defaultRulesDirFor(Exe));
  for (const RuleError &E : Errors)
    errs() << "forksafe: error: " << E.str() << "\n";
  return Errors.empty() ? ExitClean : ExitUsage;
}

/// The compilation database and the commands to analyse.
int loadCommands(const CliOptions &O,
                 std::unique_ptr<clang::tooling::CompilationDatabase> Fixed,
                 Loaded &L) {
  L.DB = std::move(Fixed);
  if (!L.DB && !O.BuildPath.empty()) {
    if (!sys::fs::is_directory(O.BuildPath))
      return fail("build directory '" + O.BuildPath + "' does not exist");
    SmallString<256> Json(O.BuildPath);
    sys::path::append(Json, "compile_commands.json");
    if (!sys::fs::exists(Json))
      return fail("no compile_commands.json in '" + O.BuildPath +
                  "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON or "
                  "use bear)");
    auto Buf = MemoryBuffer::getFile(Json);
    if (!Buf)
      return fail("cannot read '" + std::string(Json.str()) +
                  "': " + Buf.getError().message());
    SmallString<256> Dir(sys::path::parent_path(Json));
    sys::fs::make_absolute(Dir);
    std::string Err;
    L.DB = loadCompileCommandsJson((*Buf)->getBuffer(), Dir,
                                   llvm::vfs::getRealFileSystem(), Err);
    if (!L.DB)
      return fail("cannot read '" + std::string(Json.str()) + "': " + Err);
  }
  if (!L.DB && !O.Files.empty()) {
    std::string Err;
    L.DB = clang::tooling::CompilationDatabase::autoDetectFromSource(O.Files[0],
                                                                     Err);
  }
  if (!L.DB)
    return fail("no compilation database: pass -p BUILD_DIR, or the compile "
                "flags after '--'");
  std::vector<std::string> Targets = O.Files;
  if (Targets.empty()) {
    Targets = L.DB->getAllFiles();
    if (Targets.empty())
      return fail("the compilation database has no entries and no files "
                  "were given");
  }
  for (const std::string &F : Targets) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    if (!O.Files.empty() && !sys::fs::exists(Abs))
      return fail("no such file: '" + F + "'");
    std::vector<clang::tooling::CompileCommand> Cmds =
        L.DB->getCompileCommands(Abs);
    if (Cmds.empty()) {
      L.Missing.push_back(std::string(Abs.str()));
      continue;
    }
    // Several entries for one file (built twice): the first is enough.
    L.Commands.push_back(Cmds.front());
    std::vector<std::string> Dropped;
    dropUnsafeArguments(Cmds.front().CommandLine, &Dropped);
    for (const std::string &D : Dropped)
      verbose(O, std::string(Abs.str()) + ": ignoring '" + D +
                     "' (forksafe never loads or runs what a compile command "
                     "names)");
  }
  // A deterministic order (and share, with --shard) whatever the database
  // order is.
  forksafe::stableSort(L.Commands, [](const auto &A, const auto &B) {
    return A.Filename < B.Filename;
  });
  if (O.ShardCount > 1) {
    std::vector<clang::tooling::CompileCommand> Share;
    for (size_t I = 0; I < L.Commands.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex - 1)
        Share.push_back(L.Commands[I]);
    L.Commands = std::move(Share);
  }
  return ExitClean;
}

std::string cacheSalt(const Session &S, const DriverOptions &D) {
  std::string Salt = std::string(FORKSAFE_VERSION) + "|" + LLVM_VERSION_STRING +
                     "|x" + std::to_string(ExtractorRevision) + "|" +
                     S.factsKey();
  for (const std::string &A : D.ExtraArgsBefore)
    Salt += "|b:" + A;
  for (const std::string &A : D.ExtraArgs)
    Salt += "|a:" + A;
  return Salt;
}

/// Runs extraction (cache first), reporting TUs that cannot be analysed.
/// Returns the facts in command order, and how many TUs failed.
std::vector<TUFacts> extract(const CliOptions &O, const Session &S,
                             Loaded &L, const DriverOptions &D,
                             std::vector<NotAnalysed> &Failed) {
  std::unique_ptr<FactsCache> Cache;
  if (!O.CacheDir.empty())
    Cache = std::make_unique<FactsCache>(O.CacheDir, cacheSalt(S, D));

  std::vector<TUOutcome> Outcomes(L.Commands.size());
  std::vector<std::string> Why(L.Commands.size());
  if (Cache) {
    // Reading and checking entries is most of a warm run: on -j threads.
    std::atomic<size_t> Next{0};
    auto lookUp = [&] {
      for (size_t I; (I = Next++) < L.Commands.size();)
        if (auto Facts = Cache->lookup(L.Commands[I], Why[I])) {
          Outcomes[I].Ok = true;
          Outcomes[I].FromCache = true;
          Outcomes[I].File = Facts->MainFile;
          Outcomes[I].Facts = std::move(*Facts);
        }
    };
    unsigned Jobs =
        O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> Threads;
    for (unsigned T = 1; T < std::min<size_t>(Jobs, L.Commands.size()); ++T)
      Threads.emplace_back(lookUp);
    lookUp();
    for (std::thread &T : Threads)
      T.join();
  }
  std::vector<clang::tooling::CompileCommand> ToParse;
  std::vector<size_t> ToParseIndex;
  for (size_t I = 0; I < L.Commands.size(); ++I) {
    if (Outcomes[I].FromCache)
      continue;
    if (Cache)
      verbose(O, L.Commands[I].Filename + ": " + Why[I]);
    ToParse.push_back(L.Commands[I]);
    ToParseIndex.push_back(I);
  }

  SmallString<128> Scratch;
  if (std::error_code EC =
          sys::fs::createUniqueDirectory("forksafe-work", Scratch)) {
    for (const auto &C : L.Commands)
      Failed.push_back({C.Filename, "cannot create a scratch directory: " +
                                        EC.message()});
    for (const NotAnalysed &N : Failed)
      errs() << "forksafe: error: " << N.File
             << " could not be analysed: " << N.Reason << "\n";
    return {};
  }
  IsolationOptions Iso;
  Iso.TimeoutSeconds = O.TuTimeout;
  Iso.ScratchDir = std::string(Scratch.str());
  ProgressLine Progress(ToParse.size(), !O.Quiet);
  std::vector<TUOutcome> Parsed = extractIsolated(
      ToParse, S.rules(), D, Iso,
      [&](size_t Done, const TUOutcome &T) { Progress.update(Done, T.File); });
  Progress.finish();
  sys::fs::remove_directories(Scratch);
  for (size_t K = 0; K < Parsed.size(); ++K) {
    if (Cache && Parsed[K].Ok) {
      std::string Err;
      if (!Cache->store(ToParse[K], Parsed[K].Facts, Parsed[K].Inputs, Err))
        verbose(O, Err);
    }
    Outcomes[ToParseIndex[K]] = std::move(Parsed[K]);
  }

  std::vector<TUFacts> Facts;
  for (const std::string &M : L.Missing)
    Failed.push_back(
        {M, "no compile command for it in the compilation database"});
  for (TUOutcome &T : Outcomes) {
    if (!T.Ok) {
      Failed.push_back({T.File, T.Error});
      continue;
    }
    Facts.push_back(std::move(T.Facts));
  }
  for (const NotAnalysed &N : Failed)
    errs() << "forksafe: error: " << N.File
           << " could not be analysed: " << N.Reason << "\n";
  verbose(O, std::to_string(Outcomes.size() - ToParse.size()) +
                 " translation units from the cache, " +
                 std::to_string(ToParse.size()) + " parsed");
  return Facts;
}

int report(const CliOptions &O, const Session &S, std::vector<TUFacts> Facts,
           std::vector<NotAnalysed> Failed) {
  RunReport R;
  R.Analysed = Facts.size();
  R.Failed = std::move(Failed);
  R.SourceRoot = O.SourceRoot;
  R.ToolVersion = FORKSAFE_VERSION;
  CheckFilter Errors(O.WarningsAsErrors.empty() ? "-*" : O.WarningsAsErrors);
  for (const CheckInfo &C : allChecks())
    if (Errors.enabled(C.Name))
      R.ErrorChecks.push_back(C.Name);
  std::set<std::string> MainFiles;
  for (const TUFacts &F : Facts)
    MainFiles.insert(F.MainFile);

  AnalysisResult Analysis = S.analyse(
      std::move(Facts), CheckFilter(O.Checks).selection(),
      O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency()),
      [&, Start = std::chrono::steady_clock::now()](
          const std::string &Phase) mutable {
        verbose(O, Phase + " in " + secondsSince(Start));
        Start = std::chrono::steady_clock::now();
      });
  for (const std::string &W : Analysis.Warnings)
    errs() << "forksafe: warning: " << W << "\n";
  std::vector<Finding> &All = Analysis.Findings;

  // clang-tidy's header filter: a finding whose handle is defined outside
  // the analysed sources shows only if the path matches.
  Regex HeaderFilter(O.HeaderFilter);
  std::vector<Finding> Shown;
  for (Finding &F : All)
    if (!O.HeaderFilterSet || MainFiles.count(F.Loc.File) ||
        HeaderFilter.match(F.Loc.File))
      Shown.push_back(std::move(F));

  if (!O.WriteBaseline.empty()) {
    std::string Err;
    if (!writeBaseline(O.WriteBaseline, Shown, Err))
      return fail(Err);
    if (!O.Quiet)
      errs() << "forksafe: wrote " << Shown.size() << " finding"
             << (Shown.size() == 1 ? "" : "s") << " to the baseline "
             << O.WriteBaseline << "\n";
  }
  if (!O.Baseline.empty()) {
    std::set<std::string> Known;
    std::string Err;
    if (!readBaseline(O.Baseline, Known, Err))
      return fail(Err);
    for (Finding &F : Shown) {
      if (Known.count(fingerprint(F)))
        ++R.SuppressedByBaseline;
      else
        R.Findings.push_back(std::move(F));
    }
  } else {
    R.Findings = std::move(Shown);
  }

  if (!O.ExportFixes.empty() || O.Fix) {
    std::string Err;
    if (!O.ExportFixes.empty() && !exportFixes(O.ExportFixes, R.Findings, Err))
      return fail(Err);
    if (O.Fix) {
      unsigned Applied = 0;
      if (!applyFixes(R.Findings, Applied, Err))
        return fail(Err);
      if (!O.Quiet)
        errs() << "forksafe: applied " << Applied << " fix"
               << (Applied == 1 ? "" : "es") << "\n";
    }
  }

  std::ofstream File;
  if (!O.OutputFile.empty()) {
    File.open(O.OutputFile, std::ios::binary | std::ios::trunc);
    if (!File)
      return fail("cannot write '" + O.OutputFile + "'");
  }
  std::ostream &OS = O.OutputFile.empty() ? std::cout : File;
  switch (O.OutputFormat) {
  case CliOptions::Text: writeText(R, OS); break;
  case CliOptions::Json: writeJson(R, OS); break;
  case CliOptions::Sarif: writeSarif(R, OS); break;
  case CliOptions::CodeClimate: writeCodeClimate(R, OS); break;
  }
  OS.flush();
  if (!O.Quiet) {
    errs() << "forksafe: " << R.Findings.size() << " finding"
           << (R.Findings.size() == 1 ? "" : "s") << " in " << R.Analysed
           << " translation unit" << (R.Analysed == 1 ? "" : "s");
    if (!R.Failed.empty())
      errs() << " (" << R.Failed.size() << " not analysed)";
    if (!O.Baseline.empty())
      errs() << "; " << R.SuppressedByBaseline << " suppressed by the baseline";
    errs() << "\n";
  }
  if (!R.Failed.empty())
    return ExitPartial;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

void dumpConfig(const CliOptions &O) {
  auto quote = [](const std::string &S) {
    std::string Q = "'";
    for (char C : S)
      Q += C == '\'' ? std::string("''") : std::string(1, C);
    return Q + "'";
  };
  outs() << "---\n"
         << "Checks: " << quote(O.Checks) << "\n"
         << "WarningsAsErrors: " << quote(O.WarningsAsErrors) << "\n"
         << "HeaderFilterRegex: " << quote(O.HeaderFilter) << "\n"
         << "CheckOptions:\n";
  for (const EngineOption &E : engineOptions())
    if (!E.PluginOnly)
      outs() << "  " << EngineOptionPrefix << "." << E.Name << ": "
             << quote(O.Engine.get(E.Name)) << "\n";
  outs() << "...\n";
}

/// 'forksafe link': facts files, or directories of them.
int runLink(const CliOptions &O, const Session &S) {
  std::vector<std::string> Paths;
  for (const std::string &In : O.Files) {
    std::string Error;
    if (!findFactsFiles(In, Paths, Error))
      return fail(Error);
  }
  std::sort(Paths.begin(), Paths.end());
  auto Start = std::chrono::steady_clock::now();
  std::vector<FactsFileError> Errors;
  std::vector<TUFacts> Facts = readFactsFiles(
      Paths, O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency()),
      Errors);
  verbose(O, "read " + std::to_string(Paths.size()) + " facts files in " +
                 secondsSince(Start));
  std::vector<NotAnalysed> Failed;
  for (const FactsFileError &E : Errors) {
    errs() << "forksafe: error: " << E.Path
           << " could not be linked: " << E.Message << "\n";
    Failed.push_back({E.Path, "unreadable facts: " + E.Message});
  }
  return report(O, S, std::move(Facts), Failed);
}

/// Where 'forksafe extract' writes a TU's facts: one file per source file.
std::string factsFileFor(const std::string &Dir, const std::string &Source) {
  char Name[40];
  snprintf(Name, sizeof Name, "%016llx.facts.json",
           static_cast<unsigned long long>(xxh3_64bits(Source)));
  SmallString<256> P(Dir);
  sys::path::append(P, Name);
  return std::string(P.str());
}

int writeFacts(const std::string &Dir, const std::vector<TUFacts> &Facts) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return fail("cannot create facts directory '" + Dir + "': " + EC.message());
  for (const TUFacts &F : Facts) {
    std::string Path = factsFileFor(Dir, F.MainFile);
    std::string Tmp = Path + ".tmp";
    std::error_code EC;
    {
      raw_fd_ostream OS(Tmp, EC);
      if (!EC)
        OS << factsToJson(F);
    }
    if (EC || sys::fs::rename(Tmp, Path))
      return fail("cannot write '" + Path + "'" +
                  (EC ? ": " + EC.message() : std::string()));
  }
  return ExitClean;
}

} // namespace

int main(int argc, const char **argv) {
  CliOptions O;
  std::unique_ptr<clang::tooling::CompilationDatabase> Fixed;
  if (int Code = parseCommandLine(argc, argv, O, Fixed); Code != ExitClean)
    return Code == -1 ? ExitClean : Code;
  if (O.DumpConfig) {
    dumpConfig(O);
    return ExitClean;
  }

  Session S(O.Engine);
  if (int Code = loadSession(argv[0], S))
    return Code;
  if (O.ListChecks) {
    CheckFilter Filter(O.Checks);
    outs() << "Enabled checks:\n";
    for (const CheckInfo &C : allChecks()) {
      if (!Filter.enabled(C.Name))
        continue;
      outs() << "    " << C.Name << "\n";
      if (O.Verbose) // what it reports, and where its documentation is
        outs() << "        " << C.Summary << "\n        reports: " << C.Owns
               << "\n        doc: " << C.DocPath << "\n";
    }
    return ExitClean;
  }
  if (O.Mode == CliOptions::Link)
    return runLink(O, S);

  Loaded L;
  if (int Code = loadCommands(O, std::move(Fixed), L))
    return Code;
  if (!O.CacheDir.empty()) {
    std::string Err;
    if (!prepareCacheDir(O.CacheDir, Err))
      return fail(Err);
  }
  DriverOptions D;
  D.Jobs = O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
  D.ExtraArgs = O.ExtraArgs;
  D.ExtraArgsBefore = O.ExtraArgsBefore;
  D.Extract = S.extractOptions();
  if (sys::fs::is_directory(FORKSAFE_CLANG_RESOURCE_DIR))
    D.ResourceDir = FORKSAFE_CLANG_RESOURCE_DIR;

  std::vector<NotAnalysed> Failed;
  std::vector<TUFacts> Facts = extract(O, S, L, D, Failed);
  if (O.DumpFacts) {
    for (const TUFacts &F : Facts)
      std::cout << factsToJson(F, /*Pretty=*/true) << "\n";
    return Failed.empty() ? ExitClean : ExitPartial;
  }
  if (O.Mode == CliOptions::Extract) {
    if (int Code = writeFacts(O.FactsDir, Facts))
      return Code;
    if (!O.Quiet)
      errs() << "forksafe: wrote facts of " << Facts.size()
             << " translation units to " << O.FactsDir
             << (Failed.empty() ? ""
                                : " (" + std::to_string(Failed.size()) +
                                      " not analysed)")
             << "\n";
    return Failed.empty() ? ExitClean : ExitPartial;
  }
  return report(O, S, std::move(Facts), std::move(Failed));
}
