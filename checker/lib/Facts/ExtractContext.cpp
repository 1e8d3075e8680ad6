// SPDX-License-Identifier: Apache-2.0
// The services extraction shares across a TU: rule names, source
// locations, hook bindings (ExtractContext.h).
#include "ExtractContext.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace forksafe {

std::string ruleName(const NamedDecl *D) {
  std::string Q = D->getQualifiedNameAsString();
  size_t Op = Q.find("operator");
  std::string Out;
  int Depth = 0;
  for (size_t I = 0; I < Q.size(); ++I) {
    if (I < Op || Op == std::string::npos) {
      if (Q[I] == '<') {
        ++Depth;
        continue;
      }
      if (Q[I] == '>' && Depth > 0) {
        --Depth;
        continue;
      }
    }
    if (Depth == 0)
      Out += Q[I];
  }
  return Out;
}

Location FactLocations::location(SourceLocation L) {
  Location Out;
  if (L.isInvalid())
    return Out;
  L = SM.getExpansionLoc(L);
  PresumedLoc P = SM.getPresumedLoc(L, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return Out;
  Out.File = normalizedPath(P.getFilename());
  Out.Line = P.getLine();
  Out.Column = P.getColumn();
  return Out;
}

std::string FactLocations::normalizedPath(StringRef Name) {
  auto It = PathCache.find(Name);
  if (It != PathCache.end())
    return It->second;
  // Relative names are relative to the compile command's directory, which
  // is the file manager's working directory, not ours.
  llvm::SmallString<256> Abs(Name);
  SM.getFileManager().makeAbsolutePath(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return PathCache[Name] = std::string(Abs.str());
}

ExtractContext::ExtractContext(ASTContext &Ctx, const RuleSet &Rules,
                               const ExtractOptions &Options)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Rules(Rules), Options(Options),
      Types(Rules, Ctx), Hooks(Rules), Locations(SM),
      Handles(Rules, Types, SM, Locations), Slots(Ctx, Usrs),
      Tables(Ctx, Usrs) {}

const std::string &ExtractContext::ruleNameOf(const NamedDecl *D) {
  auto It = RuleNames.find(D);
  if (It != RuleNames.end())
    return It->second;
  return RuleNames[D] = ruleName(D);
}

void ExtractContext::noteHook(const HookRule &Rule, const FunctionDecl *Fn,
                              SourceLocation Loc) {
  if (!Fn)
    return;
  HookBinding B;
  B.Framework = Rule.Framework;
  B.Role = Rule.Role;
  B.FunctionUsr = Usrs.of(Fn->getCanonicalDecl());
  B.FunctionName = Fn->getQualifiedNameAsString();
  B.Loc = location(Loc);
  B.Note = hookNote(Rule, B.FunctionName);
  B.MasterArgs = Rule.MasterArgs;
  B.WorkerArgs = Rule.WorkerArgs;
  B.AbortsIf = Rule.AbortsIfReturns;
  B.ForksHere = Rule.ForksHere;
  HookBindings.push_back(B);
}

} // namespace forksafe
