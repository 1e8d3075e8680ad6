// SPDX-License-Identifier: Apache-2.0
#include "EngineCheck.h"

#include "forksafe/Extract.h"
#include "forksafe/Program.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::ast_matchers;

namespace forksafe::tidy {
namespace {

/// The CLI's option prefix (checker/tool/Options.cpp): both checks read
/// the engine's options from it.
constexpr llvm::StringLiteral EngineOptionPrefix = "forksafe-inherited-handle";

/// ';' or ',' separated, as the CLI splits list options.
std::vector<std::string> splitList(llvm::StringRef List) {
  std::vector<std::string> Out;
  size_t Start = 0;
  while (Start <= List.size()) {
    size_t End = List.find_first_of(";,", Start);
    if (End == llvm::StringRef::npos)
      End = List.size();
    llvm::StringRef Item = List.slice(Start, End).trim();
    if (!Item.empty())
      Out.push_back(Item.str());
    Start = End + 1;
  }
  return Out;
}

/// Rule sources -> loaded rules. clang-tidy builds new checks for every
/// translation unit; the rule files are read once per process.
std::shared_ptr<const LoadedRules>
loadRuleSources(const std::vector<std::string> &Sources) {
  static std::mutex Mutex;
  static std::map<std::vector<std::string>, std::shared_ptr<const LoadedRules>>
      Cache;
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Cache.find(Sources);
  if (It != Cache.end())
    return It->second;
  auto L = std::make_shared<LoadedRules>();
  for (const std::string &S : Sources) {
    std::vector<RuleError> E = loadRules(S, L->Rules);
    L->Errors.insert(L->Errors.end(), E.begin(), E.end());
  }
  L->Digest = L->Rules.digest();
  return Cache[Sources] = std::move(L);
}

/// One translation unit's facts, shared by the checks of that unit: with
/// both forksafe checks enabled the AST is walked once. Cleared at the end
/// of each unit (an ASTContext address may be reused by the next one).
struct TUFactsCache {
  std::mutex Mutex;
  const ASTContext *Ctx = nullptr;
  std::map<std::string, TUFacts> ByKey; // rules digest + extract options
};
TUFactsCache &factsCache() {
  static TUFactsCache C;
  return C;
}

/// A Location from the engine (absolute path, line, column) as a
/// SourceLocation of this unit. A file the unit did not read (a note in
/// another unit, with ProgramFacts) is added to the SourceManager when
/// AddFile is set, else the result is invalid.
SourceLocation toSourceLocation(const Location &L, SourceManager &SM,
                                bool AddFile) {
  if (!L.valid())
    return {};
  OptionalFileEntryRef F = SM.getFileManager().getOptionalFileRef(L.File);
  if (!F)
    return {};
  if (SM.translateFile(*F).isInvalid()) {
    if (!AddFile)
      return {};
    SM.createFileID(*F, SourceLocation(), SrcMgr::C_User);
  }
  return SM.translateFileLineCol(&F->getFileEntry(), L.Line,
                                 L.Column ? L.Column : 1);
}

/// A fix-it edit as clang's hint, only where the source still says what the
/// edit replaces (not in a macro, not edited since).
std::optional<FixItHint> fixItHint(SourceManager &SM, const TextEdit &E) {
  SourceLocation L = toSourceLocation(E.Loc, SM, /*AddFile=*/true);
  if (L.isInvalid() || !L.isFileID())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(L), &Invalid);
  unsigned Off = SM.getFileOffset(L);
  if (Invalid || Off > Buffer.size() ||
      !Buffer.substr(Off).starts_with(E.From))
    return std::nullopt;
  if (E.From.empty())
    return FixItHint::CreateInsertion(L, E.To);
  return FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(L, L.getLocWithOffset(E.From.size())),
      E.To);
}

/// The facts 'forksafe extract --facts-dir=Dir' wrote, except Skip's (this
/// unit: its facts are extracted fresh). Problems land in Errors.
std::vector<TUFacts> loadProgramFacts(const std::string &Dir,
                                      const std::string &Skip,
                                      std::vector<std::string> &Errors) {
  std::vector<TUFacts> Out;
  std::error_code EC;
  if (!llvm::sys::fs::is_directory(Dir)) {
    Errors.push_back("ProgramFacts: '" + Dir +
                     "' is not a directory (write it with 'forksafe extract "
                     "-p BUILD_DIR --facts-dir=" + Dir + "')");
    return Out;
  }
  std::vector<std::string> Paths;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".facts.json"))
      Paths.push_back(It->path());
  std::sort(Paths.begin(), Paths.end());
  for (const std::string &P : Paths) {
    auto Buf = llvm::MemoryBuffer::getFile(P);
    TUFacts F;
    std::string Err = Buf ? "" : Buf.getError().message();
    if (Buf && factsFromJson(std::string((*Buf)->getBuffer()), F, Err)) {
      if (F.MainFile != Skip)
        Out.push_back(std::move(F));
      continue;
    }
    Errors.push_back("ProgramFacts: " + P + ": " + Err +
                     " (run 'forksafe extract' again)");
  }
  return Out;
}

} // namespace

std::string EngineCheck::defaultRulesDir() {
  // Installed: <prefix>/<libdir>/ForksafeTidyModule.so and
  // <prefix>/share/forksafe/rules; libdir may be lib or lib/<multiarch>.
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&EngineCheck::defaultRulesDir), &Info) &&
      Info.dli_fname) {
    llvm::SmallString<256> Dir(Info.dli_fname);
    llvm::sys::fs::make_absolute(Dir);
    llvm::StringRef Up = llvm::sys::path::parent_path(Dir);
    for (int Depth = 0; Depth < 3 && !Up.empty(); ++Depth) {
      Up = llvm::sys::path::parent_path(Up);
      llvm::SmallString<256> Candidate(Up);
      llvm::sys::path::append(Candidate, "share", "forksafe", "rules");
      if (llvm::sys::fs::is_directory(Candidate))
        return std::string(Candidate.str());
    }
  }
  return FORKSAFE_SOURCE_RULES_DIR; // running from the build tree
}

EngineCheck::EngineCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context,
                         CheckSelection Selected)
    : ClangTidyCheck(Name, Context),
      Engine(EngineOptionPrefix, Context->getOptions().CheckOptions, Context),
      RuleFiles(Engine.get("RuleFiles", "")),
      LocalHandles(Engine.get("LocalHandles", true)),
      ReportLatent(Engine.get("ReportLatent", false)),
      ExtraForkFunctions(Engine.get("ExtraForkFunctions", "")),
      LazyHandleStyle(Engine.get("LazyHandleStyle", "per_process")),
      DefaultRules(Engine.get("DefaultRules", true)),
      ProgramFacts(Engine.get("ProgramFacts", "")), Selected(Selected) {
  std::vector<std::string> Sources;
  if (DefaultRules)
    Sources.push_back(defaultRulesDir());
  for (std::string &P : splitList(RuleFiles))
    Sources.push_back(std::move(P));
  Loaded = loadRuleSources(Sources);
  if (!parseLazyHandleStyle(LazyHandleStyle, Fixes.Lazy))
    configurationDiag("invalid value '%0' for %1.LazyHandleStyle (per_process, "
                      "function or none)")
        << LazyHandleStyle << EngineOptionPrefix;
  Extract.LocalHandles = LocalHandles;
  this->Selected.Latent = ReportLatent;
  for (std::string &F : splitList(ExtraForkFunctions))
    Extract.ExtraForkFunctions.insert(std::move(F));
  FactsKey = Loaded->Digest + (LocalHandles ? "|L|" : "|-|");
  for (const std::string &F : Extract.ExtraForkFunctions)
    FactsKey += F + ";";
}

void EngineCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  // Both checks store the same keys with the same values.
  Engine.store(Opts, "RuleFiles", RuleFiles);
  Engine.store(Opts, "LocalHandles", LocalHandles);
  Engine.store(Opts, "ReportLatent", ReportLatent);
  Engine.store(Opts, "ExtraForkFunctions", ExtraForkFunctions);
  Engine.store(Opts, "LazyHandleStyle", LazyHandleStyle);
  Engine.store(Opts, "DefaultRules", DefaultRules);
  Engine.store(Opts, "ProgramFacts", ProgramFacts);
}

void EngineCheck::registerMatchers(MatchFinder *Finder) {
  // The engine walks the whole unit itself: match it once.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EngineCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Loaded->Errors.empty()) {
    // A bad rule file is a configuration error, as in the CLI (which exits
    // with 2): say so once and do not analyse with half the rules.
    if (!Loaded->Reported)
      for (const RuleError &E : Loaded->Errors)
        configurationDiag("forksafe rule file error: %0", DiagnosticIDs::Error)
            << E.str();
    Loaded->Reported = true;
    return;
  }
  ASTContext &Ctx = *Result.Context;
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return; // the CLI does not analyse a unit with errors either

  TUFacts Facts;
  {
    TUFactsCache &C = factsCache();
    std::lock_guard<std::mutex> Lock(C.Mutex);
    if (C.Ctx != &Ctx) {
      C.Ctx = &Ctx;
      C.ByKey.clear();
    }
    auto It = C.ByKey.find(FactsKey);
    if (It == C.ByKey.end())
      It = C.ByKey.emplace(FactsKey, extractFacts(Ctx, Loaded->Rules, Extract))
               .first;
    Facts = It->second;
  }
  std::vector<TUFacts> Units;
  if (!ProgramFacts.empty()) {
    std::vector<std::string> Errors;
    Units = loadProgramFacts(ProgramFacts, Facts.MainFile, Errors);
    if (!ReportedFactsErrors)
      for (const std::string &E : Errors)
        configurationDiag("%0") << E;
    ReportedFactsErrors = true;
  }
  Units.push_back(std::move(Facts));
  Program P = link(std::move(Units));
  std::vector<Finding> Findings = findHandleFindings(P, Loaded->Rules, Selected);
  attachFixIts(P, Loaded->Rules, Fixes, Findings);

  // Each finding is reported by the unit that holds the handle's
  // definition (with ProgramFacts, the others are another unit's to report).
  SourceManager &SM = *Result.SourceManager;
  std::set<std::tuple<std::string, unsigned, unsigned, std::string, std::string>>
      Attached;
  for (const Finding &F : Findings) {
    if (F.Check != getID())
      continue;
    SourceLocation Loc = toSourceLocation(F.Loc, SM, /*AddFile=*/false);
    if (Loc.isInvalid())
      continue;
    diag(Loc, "%0") << F.Message;
    for (const Note &N : F.Notes) {
      SourceLocation NoteLoc = toSourceLocation(N.Loc, SM, /*AddFile=*/true);
      DiagnosticBuilder D = diag(NoteLoc, "%0", DiagnosticIDs::Note);
      D << N.Message;
      // The note's fix-it (as the CLI's --export-fixes), only where the
      // source still says what the fix replaces (not in a macro).
      if (!N.FixFrom.empty())
        if (std::optional<FixItHint> H =
                fixItHint(SM, {N.Loc, N.FixFrom, N.FixTo}))
          D << *H;
      // A fix of several edits (FixIts.h): all of them, or none.
      std::vector<FixItHint> Hints;
      for (const TextEdit &E : N.Edits)
        if (std::optional<FixItHint> H = fixItHint(SM, E))
          Hints.push_back(std::move(*H));
      // An edit several findings make (the runtime header's #include) is
      // attached to the first only: clang-tidy applies every copy.
      if (!N.Edits.empty() && Hints.size() == N.Edits.size())
        for (size_t I = 0; I < Hints.size(); ++I) {
          const TextEdit &E = N.Edits[I];
          if (Attached.insert({E.Loc.File, E.Loc.Line, E.Loc.Column, E.From, E.To})
                  .second)
            D << Hints[I];
        }
    }
  }
}

void EngineCheck::onEndOfTranslationUnit() {
  TUFactsCache &C = factsCache();
  std::lock_guard<std::mutex> Lock(C.Mutex);
  C.Ctx = nullptr;
  C.ByKey.clear();
}

} // namespace forksafe::tidy
