// SPDX-License-Identifier: Apache-2.0
#include "Options.h"

#include "Config.h"

#include "forksafe/Checks.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
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
                       cl::Prefix,
                       cl::init(0), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No summary line and no progress line"),
                    cl::cat(Category));
cl::opt<bool> Verbose("verbose", cl::desc("Explain cache misses and dropped flags; time and peak memory of each link phase"),
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
cl::opt<bool> ReportLatent(
    "report-latent",
    cl::desc("Also report latent findings: paths on which an indirect call "
             "must run one particular function of several it may reach "
             "(default: false)"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Output format: text (default), json, "
                                     "sarif, codeclimate"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string> Output("output", cl::desc("Write the report to FILE"),
                            cl::value_desc("file"), cl::cat(Category));
cl::alias OutputShort("o", cl::desc("Alias for --output"),
                      cl::aliasopt(Output), cl::cat(Category));
cl::opt<std::string> BaselineOpt("baseline",
                                 cl::desc("Report only findings not in this "
                                          "baseline file"),
                                 cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselineOpt("write-baseline",
                                      cl::desc("Record the current findings as "
                                               "the baseline"),
                                      cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> SourceRoot("source-root",
                                cl::desc("Root for relative paths in SARIF and "
                                         "Code Quality reports (default: the "
                                         "current directory)"),
                                cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> WarningsAsErrorsOpt(
    "warnings-as-errors",
    cl::desc("Check globs whose findings are errors (as clang-tidy)"),
    cl::cat(Category));
cl::opt<std::string> HeaderFilterOpt(
    "header-filter",
    cl::desc("Regex: findings in files other than the analysed sources are "
             "shown only if their path matches (default: all are shown)"),
    cl::cat(Category));
cl::opt<std::string> ConfigOpt("config",
                               cl::desc("Configuration in YAML/JSON, as "
                                        "clang-tidy's --config"),
                               cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Read the configuration from FILE "
                                         "instead of the nearest .clang-tidy"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration and exit"),
                         cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes",
                                 cl::desc("Write fix-its as YAML for "
                                          "clang-apply-replacements"),
                                 cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its to the sources"),
                  cl::cat(Category));

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
  O.Jobs = Jobs;
  O.Quiet = Quiet;
  O.Verbose = Verbose;
  O.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  O.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  O.DumpFacts = DumpFacts;
  O.FactsDir = FactsDir;
  O.TuTimeout = TuTimeout;

  // Configuration: the nearest .clang-tidy (or --config-file / --config),
  // then the command line on top.
  TidyConfig Config;
  std::string ConfigError;
  if (!ConfigOpt.empty()) {
    if (!parseTidyConfig(ConfigOpt, "--config", Config, ConfigError))
      return usage("invalid configuration: " + ConfigError);
  } else if (!ConfigFile.empty()) {
    auto Buf = MemoryBuffer::getFile(ConfigFile);
    if (!Buf)
      return usage("cannot read --config-file '" + ConfigFile + "'");
    if (!parseTidyConfig(std::string((*Buf)->getBuffer()), ConfigFile, Config,
                         ConfigError))
      return usage("invalid configuration: " + ConfigError);
  } else {
    std::string Start = ".";
    if (!O.Files.empty())
      Start = std::string(sys::path::parent_path(O.Files.front()));
    if (Start.empty())
      Start = ".";
    if (!findTidyConfig(Start, Config, ConfigError))
      return usage("invalid configuration: " + ConfigError);
  }
  O.ConfigSource = Config.Source;
  // The default, then the configuration's globs, then the command line's
  // (clang-tidy's order). A dumped configuration already starts with the
  // default, so reading it back gives the same string.
  std::string CheckGlobs = "forksafe-*";
  if (Config.Checks)
    CheckGlobs = Config.Checks->rfind("forksafe-*", 0) == 0
                     ? *Config.Checks
                     : CheckGlobs + "," + *Config.Checks;
  if (Checks.getNumOccurrences())
    CheckGlobs += "," + Checks;
  O.Checks = CheckGlobs;
  O.WarningsAsErrors = WarningsAsErrorsOpt.getNumOccurrences()
                           ? std::string(WarningsAsErrorsOpt)
                           : Config.WarningsAsErrors.value_or("");
  if (HeaderFilterOpt.getNumOccurrences()) {
    O.HeaderFilter = HeaderFilterOpt;
    O.HeaderFilterSet = true;
  } else if (Config.HeaderFilterRegex && !Config.HeaderFilterRegex->empty()) {
    O.HeaderFilter = *Config.HeaderFilterRegex;
    O.HeaderFilterSet = true;
  }
  if (O.HeaderFilterSet && !Regex(O.HeaderFilter).isValid())
    return usage("invalid --header-filter regex '" + O.HeaderFilter + "'");
  O.ExtraArgs.insert(O.ExtraArgs.begin(), Config.ExtraArgs.begin(),
                     Config.ExtraArgs.end());
  O.ExtraArgsBefore.insert(O.ExtraArgsBefore.begin(),
                           Config.ExtraArgsBefore.begin(),
                           Config.ExtraArgsBefore.end());
  // The engine's options: the configuration's, then the command line's.
  const std::string Prefix = std::string(forksafe::EngineOptionPrefix) + ".";
  for (const auto &[Key, Value] : Config.CheckOptions) {
    if (Key.rfind("forksafe-", 0) != 0)
      continue; // another tool's option in a shared .clang-tidy
    if (Key.rfind(Prefix, 0) != 0)
      return usage("unknown check option '" + Key + "' (options are named " +
                   Prefix + "<Option>)");
    std::string Name = Key.substr(Prefix.size()), Error;
    if (!forksafe::engineOption(Name))
      return usage("unknown check option '" + Key + "' (known: " +
                   forksafe::engineOptionNames() + ")");
    if (!O.Engine.set(Name, Value, Error))
      return usage("check option '" + Key + "' " + Error);
  }
  if (LocalHandles.getNumOccurrences())
    O.Engine.LocalHandles = LocalHandles;
  if (ReportLatent.getNumOccurrences())
    O.Engine.ReportLatent = ReportLatent;
  if (NoDefaultRules)
    O.Engine.DefaultRules = false;
  O.Engine.RuleFiles.insert(O.Engine.RuleFiles.end(), RulePaths.begin(),
                            RulePaths.end());

  if (Format == "text")
    O.OutputFormat = CliOptions::Text;
  else if (Format == "json")
    O.OutputFormat = CliOptions::Json;
  else if (Format == "sarif")
    O.OutputFormat = CliOptions::Sarif;
  else if (Format == "codeclimate")
    O.OutputFormat = CliOptions::CodeClimate;
  else
    return usage("unknown --format '" + Format +
                 "' (text, json, sarif, codeclimate)");
  O.OutputFile = Output;
  O.Baseline = BaselineOpt;
  O.WriteBaseline = WriteBaselineOpt;
  O.DumpConfig = DumpConfig;
  O.ExportFixes = ExportFixes;
  O.Fix = Fix;
  SmallString<256> Root(SourceRoot.empty() ? std::string(".") : SourceRoot);
  sys::fs::make_absolute(Root);
  sys::path::remove_dots(Root, true);
  if (!sys::fs::is_directory(Root))
    return usage("--source-root '" + SourceRoot + "' is not a directory");
  O.SourceRoot = std::string(Root.str());
  if (!O.Baseline.empty() && !O.WriteBaseline.empty() &&
      O.Baseline == O.WriteBaseline)
    return usage("--baseline and --write-baseline name the same file");
  for (const std::string *Out : {&O.OutputFile, &O.WriteBaseline, &O.ExportFixes}) {
    if (Out->empty())
      continue;
    StringRef Parent = sys::path::parent_path(*Out);
    if (!Parent.empty() && !sys::fs::is_directory(Parent))
      return usage("cannot write '" + *Out + "': directory '" + Parent.str() +
                   "' does not exist");
  }
  if (O.Mode == CliOptions::Extract &&
      (!O.OutputFile.empty() || O.OutputFormat != CliOptions::Text ||
       !O.Baseline.empty() || !O.WriteBaseline.empty() || O.Fix ||
       !O.ExportFixes.empty()))
    return usage("'forksafe extract' writes facts only: report options "
                 "belong to 'forksafe link' or the default command");
  if (O.DumpConfig)
    return ExitClean;

  forksafe::CheckFilter Filter(O.Checks);
  for (const std::string &Unknown : Filter.unknownNames())
    return usage("unknown check '" + Unknown + "' in --checks (see --list-checks)");
  if (!Filter.selection().any() && !O.ListChecks)
    return usage("no checks enabled by --checks='" + O.Checks + "'" +
                 (O.ConfigSource.empty() ? "" : " (configuration: " +
                                                    O.ConfigSource + ")"));

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
