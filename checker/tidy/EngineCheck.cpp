// SPDX-License-Identifier: Apache-2.0
#include "EngineCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::ast_matchers;

namespace forksafe::tidy {

/// A session for one set of option values, shared by every check instance
/// (clang-tidy makes new check objects for each translation unit): the
/// rule files are read once per process.
struct SharedSession {
  explicit SharedSession(EngineSettings S) : S(std::move(S)) {}
  Session S;
  std::vector<RuleError> RuleErrors;
  bool Reported = false; // configuration problems are reported once
  std::mutex Mutex;      // guards Reported
};

namespace {

std::string pluginRulesDir() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&pluginRulesDir), &Info) &&
      Info.dli_fname)
    return defaultRulesDirFor(Info.dli_fname);
  return defaultRulesDirFor("");
}

std::shared_ptr<SharedSession> sessionFor(const std::string &Key,
                                          const EngineSettings &Settings) {
  static std::mutex Mutex;
  static std::map<std::string, std::shared_ptr<SharedSession>> Sessions;
  std::lock_guard<std::mutex> Lock(Mutex);
  std::shared_ptr<SharedSession> &S = Sessions[Key];
  if (!S) {
    S = std::make_shared<SharedSession>(Settings);
    S->RuleErrors = S->S.loadRules(pluginRulesDir());
  }
  return S;
}

/// The units of a ProgramFacts directory (searched recursively, as the
/// CLI's 'forksafe link' does), read once per process.
struct ProgramFactsDir {
  std::vector<TUFacts> Units;
  std::vector<std::string> Errors;
};
std::shared_ptr<const ProgramFactsDir> programFacts(const std::string &Dir) {
  static std::mutex Mutex;
  static std::map<std::string, std::shared_ptr<const ProgramFactsDir>> Dirs;
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Dirs.find(Dir);
  if (It != Dirs.end())
    return It->second;
  auto D = std::make_shared<ProgramFactsDir>();
  std::vector<std::string> Paths;
  std::string Error;
  if (!llvm::sys::fs::is_directory(Dir)) {
    D->Errors.push_back("ProgramFacts: '" + Dir +
                        "' is not a directory (write it with 'forksafe "
                        "extract -p BUILD_DIR --facts-dir=" + Dir + "')");
  } else if (!findFactsFiles(Dir, Paths, Error)) {
    D->Errors.push_back("ProgramFacts: " + Error);
  } else {
    std::vector<FactsFileError> Errors;
    D->Units = readFactsFiles(Paths, 1, Errors);
    for (const FactsFileError &E : Errors)
      D->Errors.push_back("ProgramFacts: " + E.Path + ": " + E.Message +
                          " (run 'forksafe extract' again)");
  }
  return Dirs[Dir] = std::move(D);
}

/// One translation unit's analysis, shared by the checks of that unit.
/// Cleared at the end of each unit (an ASTContext address may be reused by
/// the next one).
struct UnitAnalysis {
  std::mutex Mutex;
  const ASTContext *Ctx = nullptr;
  std::map<std::string, AnalysisResult> BySettings;
};
UnitAnalysis &unitAnalysis() {
  static UnitAnalysis U;
  return U;
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

} // namespace

EngineCheck::EngineCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context, CheckId Id)
    : ClangTidyCheck(Name, Context), Id(Id),
      Engine(EngineOptionPrefix, Context->getOptions().CheckOptions, Context) {
  for (const EngineOption &O : engineOptions()) {
    std::string Value = Engine.get(O.Name, O.Default).str();
    std::string Error;
    if (!Settings.set(O.Name, Value, Error))
      configurationDiag("invalid value '%0' for %1.%2: %3")
          << Value << EngineOptionPrefix << O.Name << Error;
    SettingsKey += Settings.get(O.Name) + '\n';
  }
  for (const CheckInfo &C : allChecks())
    Enabled.set(C.Id, Context->isCheckEnabled(C.Name));
  Shared = sessionFor(SettingsKey, Settings);
}

void EngineCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  // Every check stores the same keys with the same values.
  for (const EngineOption &O : engineOptions())
    Engine.store(Opts, O.Name, Settings.get(O.Name));
}

void EngineCheck::registerMatchers(MatchFinder *Finder) {
  // The engine walks the whole unit itself: match it once.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EngineCheck::check(const MatchFinder::MatchResult &Result) {
  {
    std::lock_guard<std::mutex> Lock(Shared->Mutex);
    if (!Shared->RuleErrors.empty()) {
      // A bad rule file is a configuration error, as in the CLI (which
      // exits with 2): say so once and do not analyse with half the rules.
      if (!Shared->Reported)
        for (const RuleError &E : Shared->RuleErrors)
          configurationDiag("forksafe rule file error: %0",
                            DiagnosticIDs::Error)
              << E.str();
      Shared->Reported = true;
      return;
    }
  }
  ASTContext &Ctx = *Result.Context;
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return; // the CLI does not analyse a unit with errors either

  const AnalysisResult *Analysis = nullptr;
  std::vector<std::string> Problems;
  {
    UnitAnalysis &U = unitAnalysis();
    std::lock_guard<std::mutex> Lock(U.Mutex);
    if (U.Ctx != &Ctx) {
      U.Ctx = &Ctx;
      U.BySettings.clear();
    }
    auto It = U.BySettings.find(SettingsKey);
    if (It == U.BySettings.end()) {
      const Session &S = Shared->S;
      TUFacts Facts = extractFacts(Ctx, S.rules(), S.extractOptions());
      std::vector<TUFacts> Units;
      if (!Settings.ProgramFacts.empty()) {
        // This unit's facts are fresh: its copy in the directory is not.
        std::shared_ptr<const ProgramFactsDir> D =
            programFacts(Settings.ProgramFacts);
        for (const TUFacts &F : D->Units)
          if (F.MainFile != Facts.MainFile)
            Units.push_back(F);
        Problems = D->Errors;
      }
      Units.push_back(std::move(Facts));
      AnalysisResult R = S.analyse(std::move(Units), Enabled, 1);
      Problems.insert(Problems.end(), R.Warnings.begin(), R.Warnings.end());
      It = U.BySettings.emplace(SettingsKey, std::move(R)).first;
    } else {
      Problems.clear(); // the first check of this unit reported them
    }
    Analysis = &It->second;
  }
  for (const std::string &P : Problems)
    configurationDiag("%0") << P;

  const std::vector<Finding> &Findings = Analysis->Findings;
  SourceManager &SM = *Result.SourceManager;
  std::set<std::tuple<std::string, unsigned, unsigned, std::string, std::string>>
      Attached;
  for (const Finding &F : Findings) {
    if (F.Check != checkInfo(Id).Name)
      continue;
    SourceLocation Loc = toSourceLocation(F.Loc, SM, /*AddFile=*/false);
    if (Loc.isInvalid())
      continue;
    diag(Loc, "%0") << F.Message;
    for (const Note &N : F.Notes) {
      SourceLocation NoteLoc = toSourceLocation(N.Loc, SM, /*AddFile=*/true);
      DiagnosticBuilder D = diag(NoteLoc, "%0", DiagnosticIDs::Note);
      D << N.Message;
      // The note's fix-it (FixIts.h), as the CLI's --export-fixes: all of
      // its edits, or none (an edit is dropped where the source no longer
      // says what it replaces, or says it in a macro).
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
  UnitAnalysis &U = unitAnalysis();
  std::lock_guard<std::mutex> Lock(U.Mutex);
  U.Ctx = nullptr;
  U.BySettings.clear();
}

} // namespace forksafe::tidy
