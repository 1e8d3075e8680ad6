// SPDX-License-Identifier: Apache-2.0
#include "Options.h"

#include "forksafe/Checks.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {

cl::OptionCategory Category("forksafe options");

const char *const Overview =
    R"(forksafe finds database and other fork-unsafe handles that are live when a
process forks and are then used (or closed) in the child.

  forksafe -p BUILD_DIR [FILES...]      analyse FILES, or every entry of
                                        BUILD_DIR/compile_commands.json
  forksafe FILES... -- FLAGS            analyse FILES compiled with FLAGS
  forksafe extract -p DIR --facts-dir=OUT [--shard=I/N]
                                        write per-TU facts (a share of them)
  forksafe link OUT...                  link facts and report

Exit codes:
  0  no findings
  1  findings were reported
  2  bad invocation, configuration, rule file or compilation database
  3  some translation units could not be analysed (each is named on stderr
     with the reason; the others were analysed and their findings reported)
)";

cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"),
                            cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing compile_commands.json"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("Comma-separated check globs, '-' removes "
                                     "(as clang-tidy); default: forksafe-*"),
                            cl::init("forksafe-*"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::list<std::string> RulePaths("rules",
                                cl::desc("Extra rule file or directory (repeatable)"),
                                cl::value_desc("file|dir"), cl::cat(Category));
cl::opt<bool> NoDefaultRules("no-default-rules",
                             cl::desc("Do not load the installed rule files"),
                             cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Parallel jobs (default: number of cores)"),
                       cl::init(0), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No summary line and no progress line"),
                    cl::cat(Category));
cl::opt<bool> Verbose("verbose", cl::desc("Explain cache misses and dropped flags"),
                      cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append an argument to each compile command"),
                                cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::desc("Prepend an argument to each compile command"),
    cl::cat(Category));
cl::opt<bool> DumpFacts("dump-facts",
                        cl::desc("Print each TU's facts as JSON and exit (debugging)"),
                        cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir",
                              cl::desc("Facts cache (default with -p: "
                                       "BUILD_DIR/.forksafe-cache)"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Do not read or write the facts cache"),
                      cl::cat(Category));
cl::opt<std::string> FactsDir("facts-dir",
                              cl::desc("extract: directory to write facts to"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> Shard("shard",
                           cl::desc("extract: take share I of N (1-based) of the "
                                    "translation units, deterministically"),
                           cl::value_desc("I/N"), cl::cat(Category));
cl::opt<unsigned> TuTimeout("tu-timeout",
                            cl::desc("Give up on a translation unit after this "
                                     "many seconds (default: no limit)"),
                            cl::value_desc("seconds"), cl::init(0),
                            cl::cat(Category));
cl::opt<bool> LocalHandles("local-handles",
                           cl::desc("Track local handle variables across a fork "
                                    "(default: true)"),
                           cl::init(true), cl::cat(Category));

int usage(const std::string &Message) {
  errs() << "forksafe: error: " << Message << "\n";
  return ExitUsage;
}

} // namespace

int parseCommandLine(int argc, const char **argv, CliOptions &O,
                     std::unique_ptr<clang::tooling::CompilationDatabase> &Fixed) {
  // 'forksafe extract ...' / 'forksafe link ...': the mode comes first.
  std::vector<const char *> Args(argv, argv + argc);
  if (Args.size() > 1 && std::string(Args[1]) == "extract") {
    O.Mode = CliOptions::Extract;
    Args.erase(Args.begin() + 1);
  } else if (Args.size() > 1 && std::string(Args[1]) == "link") {
    O.Mode = CliOptions::Link;
    Args.erase(Args.begin() + 1);
  }
  int Argc = int(Args.size());
  // 'forksafe FILE -- FLAGS': everything after '--' is a fixed database.
  std::string FixedError;
  Fixed = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
      Argc, Args.data(), FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "forksafe " << FORKSAFE_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, Args.data(), Overview, &ParseOS)) {
    ParseOS.flush();
    // llvm::cl's first line says what was wrong; keep just that.
    std::string First = ParseErrors.substr(0, ParseErrors.find('\n'));
    if (First.rfind("forksafe: ", 0) == 0)
      First = First.substr(10);
    return usage(First);
  }

  O.Files.assign(Files.begin(), Files.end());
  O.BuildPath = BuildPath;
  O.Checks = Checks;
  O.ListChecks = ListChecks;
  O.RulePaths.assign(RulePaths.begin(), RulePaths.end());
  O.NoDefaultRules = NoDefaultRules;
  O.Jobs = Jobs;
  O.Quiet = Quiet;
  O.Verbose = Verbose;
  O.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  O.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  O.DumpFacts = DumpFacts;
  O.FactsDir = FactsDir;
  O.TuTimeout = TuTimeout;
  O.LocalHandles = LocalHandles;

  forksafe::CheckFilter Filter(O.Checks);
  for (const std::string &Unknown : Filter.unknownNames())
    return usage("unknown check '" + Unknown + "' in --checks (see --list-checks)");
  bool AnyEnabled = false;
  for (const forksafe::CheckInfo &C : forksafe::allChecks())
    AnyEnabled |= Filter.enabled(C.Name);
  if (!AnyEnabled && !O.ListChecks)
    return usage("no checks enabled by --checks='" + O.Checks + "'");

  // Options that only make sense in one mode, or together.
  if (!Shard.empty()) {
    if (O.Mode != CliOptions::Extract)
      return usage("--shard is only for 'forksafe extract'");
    unsigned I = 0, N = 0;
    char Slash = 0, Extra = 0;
    if (sscanf(Shard.c_str(), "%u%c%u%c", &I, &Slash, &N, &Extra) != 3 ||
        Slash != '/' || N == 0 || I == 0 || I > N)
      return usage("--shard must be I/N with 1 <= I <= N, e.g. --shard=2/8");
    O.ShardIndex = I;
    O.ShardCount = N;
  }
  if (O.Mode == CliOptions::Extract && O.FactsDir.empty() && !O.DumpFacts)
    return usage("'forksafe extract' needs --facts-dir=DIR");
  if (O.Mode != CliOptions::Extract && !O.FactsDir.empty())
    return usage("--facts-dir is only for 'forksafe extract'");
  if (O.Mode == CliOptions::Link) {
    if (Fixed || !O.BuildPath.empty())
      return usage("'forksafe link' reads facts, not a compilation database "
                   "(drop -p and '--')");
    if (O.DumpFacts)
      return usage("--dump-facts does not apply to 'forksafe link'");
    if (O.Files.empty() && !O.ListChecks)
      return usage("'forksafe link' needs facts files or directories");
  }
  if (NoCache && !CacheDir.empty())
    return usage("--cache-dir and --no-cache contradict each other");
  if (!NoCache && O.Mode != CliOptions::Link) {
    if (!CacheDir.empty()) {
      O.CacheDir = CacheDir;
    } else if (!O.BuildPath.empty()) {
      SmallString<256> D(O.BuildPath);
      sys::path::append(D, ".forksafe-cache");
      O.CacheDir = std::string(D.str());
    }
  }
  return ExitClean;
}
