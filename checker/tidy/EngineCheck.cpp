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

using namespace clang;
using namespace clang::ast_matchers;

namespace forksafe::tidy {
namespace {

std::vector<std::string> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
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
  std::map<std::string, TUFacts> ByRules; // by rules digest
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
    : ClangTidyCheck(Name, Context), RulePaths(Options.get("Rules", "")),
      DefaultRules(Options.get("DefaultRules", true)),
      ProgramFacts(Options.get("ProgramFacts", "")), Selected(Selected) {
  std::vector<std::string> Sources;
  if (DefaultRules)
    Sources.push_back(defaultRulesDir());
  for (std::string &P : splitList(RulePaths))
    Sources.push_back(std::move(P));
  Loaded = loadRuleSources(Sources);
}

void EngineCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Rules", RulePaths);
  Options.store(Opts, "DefaultRules", DefaultRules);
  Options.store(Opts, "ProgramFacts", ProgramFacts);
}

void EngineCheck::registerMatchers(MatchFinder *Finder) {
  // The engine walks the whole unit itself: match it once.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EngineCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Loaded->Errors.empty()) {
    // A bad rule file is a configuration error, as in the CLI (which exits
    // with 2): say so once and do not analyse with half the rules.
    if (!ReportedRuleErrors)
      for (const RuleError &E : Loaded->Errors)
        configurationDiag("forksafe rule file error: %0", DiagnosticIDs::Error)
            << E.str();
    ReportedRuleErrors = true;
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
      C.ByRules.clear();
    }
    auto It = C.ByRules.find(Loaded->Digest);
    if (It == C.ByRules.end())
      It = C.ByRules.emplace(Loaded->Digest, extractFacts(Ctx, Loaded->Rules))
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

  // Each finding is reported by the unit that holds the handle's
  // definition (with ProgramFacts, the others are another unit's to report).
  SourceManager &SM = *Result.SourceManager;
  for (const Finding &F : Findings) {
    if (F.Check != getID())
      continue;
    SourceLocation Loc = toSourceLocation(F.Loc, SM, /*AddFile=*/false);
    if (Loc.isInvalid())
      continue;
    diag(Loc, "%0") << F.Message;
    for (const Note &N : F.Notes)
      diag(toSourceLocation(N.Loc, SM, /*AddFile=*/true), "%0",
           DiagnosticIDs::Note)
          << N.Message;
  }
}

void EngineCheck::onEndOfTranslationUnit() {
  TUFactsCache &C = factsCache();
  std::lock_guard<std::mutex> Lock(C.Mutex);
  C.Ctx = nullptr;
  C.ByRules.clear();
}

} // namespace forksafe::tidy
