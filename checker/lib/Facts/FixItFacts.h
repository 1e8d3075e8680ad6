// SPDX-License-Identifier: Apache-2.0
/// What the fix-its need from a translation unit, beyond the flow facts:
/// how a namespace-scope C++ handle variable and its references are spelled
/// (LazyVars: the lazy-handle fix), and the top-level statements of the
/// framework hooks the unit defines (HookBodies: the move-into-the-post-fork-
/// hook fix). Extracted after the main walk, and only when there is
/// something to fix: a unit without handle globals or hooks costs nothing.
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>

namespace clang {
class ASTContext;
class SourceManager;
class LangOptions;
} // namespace clang

namespace forksafe {

/// Adds LazyVars and HookBodies to Facts (Facts.Hooks must be filled).
void extractFixItFacts(clang::ASTContext &Ctx, const RuleSet &Rules,
                     TUFacts &Facts);

void extractLazyVars(clang::ASTContext &Ctx, const RuleSet &Rules,
                     TUFacts &Facts);
void extractHookBodies(clang::ASTContext &Ctx, TUFacts &Facts);

/// Source text helpers shared by both: file locations only (a location in a
/// macro expansion has no text a fix could rewrite).
class FixSource {
public:
  explicit FixSource(clang::ASTContext &Ctx);
  /// File, line and column as the extractor records them; invalid for a
  /// macro location.
  Location location(clang::SourceLocation L);
  /// The characters in [B, E), both file locations in one file; "" (and
  /// Ok false) otherwise.
  std::string text(clang::SourceLocation B, clang::SourceLocation E,
                   bool *Ok = nullptr) const;
  /// One past the last character of the token at L.
  clang::SourceLocation tokenEnd(clang::SourceLocation L) const;
  /// The whole buffer of L's file.
  llvm::StringRef buffer(clang::SourceLocation L) const;
  /// The start of L's line, and the blanks in front of its first character.
  clang::SourceLocation lineStart(clang::SourceLocation L) const;
  std::string indentOf(clang::SourceLocation L) const;
  /// Whether only blanks precede L on its line.
  bool firstOnLine(clang::SourceLocation L) const;
  /// Whether only blanks (then a newline or the end) follow E on its line.
  bool lastOnLine(clang::SourceLocation E) const;
  /// The start of the line after E's line (or the end of the file).
  clang::SourceLocation nextLineStart(clang::SourceLocation E) const;

  clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;

private:
  std::map<std::string, std::string> Paths;
};

} // namespace forksafe
