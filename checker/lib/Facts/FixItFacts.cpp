// SPDX-License-Identifier: Apache-2.0
#include "FixItFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace forksafe {

void extractFixItFacts(ASTContext &Ctx, const RuleSet &Rules, TUFacts &Facts) {
  extractLazyVars(Ctx, Rules, Facts);
  extractHookBodies(Ctx, Facts);
}

FixSource::FixSource(ASTContext &Ctx)
    : SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()) {}

Location FixSource::location(SourceLocation L) {
  Location Out;
  if (L.isInvalid() || !L.isFileID())
    return Out;
  PresumedLoc P = SM.getPresumedLoc(L, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return Out;
  // As the extractor spells paths: absolute, relative to the compile
  // command's directory, without dots.
  std::string Name = P.getFilename();
  auto It = Paths.find(Name);
  if (It == Paths.end()) {
    llvm::SmallString<256> Abs(Name);
    SM.getFileManager().makeAbsolutePath(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    It = Paths.emplace(Name, std::string(Abs.str())).first;
  }
  Out.File = It->second;
  Out.Line = P.getLine();
  Out.Column = P.getColumn();
  return Out;
}

std::string FixSource::text(SourceLocation B, SourceLocation E,
                            bool *Ok) const {
  if (Ok)
    *Ok = false;
  if (B.isInvalid() || E.isInvalid() || !B.isFileID() || !E.isFileID())
    return "";
  auto [FB, OB] = SM.getDecomposedLoc(B);
  auto [FE, OE] = SM.getDecomposedLoc(E);
  if (FB != FE || OE < OB)
    return "";
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FB, &Invalid);
  if (Invalid || OE > Buf.size())
    return "";
  if (Ok)
    *Ok = true;
  return Buf.substr(OB, OE - OB).str();
}

SourceLocation FixSource::tokenEnd(SourceLocation L) const {
  if (L.isInvalid() || !L.isFileID())
    return {};
  return Lexer::getLocForEndOfToken(L, 0, SM, LangOpts);
}

StringRef FixSource::buffer(SourceLocation L) const {
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(L), &Invalid);
  return Invalid ? StringRef() : Buf;
}

SourceLocation FixSource::lineStart(SourceLocation L) const {
  StringRef Buf = buffer(L);
  unsigned Off = SM.getFileOffset(L);
  while (Off > 0 && Buf[Off - 1] != '\n')
    --Off;
  return L.getLocWithOffset(int(Off) - int(SM.getFileOffset(L)));
}

std::string FixSource::indentOf(SourceLocation L) const {
  StringRef Buf = buffer(L);
  unsigned Off = SM.getFileOffset(lineStart(L));
  std::string Out;
  while (Off < Buf.size() && (Buf[Off] == ' ' || Buf[Off] == '\t'))
    Out += Buf[Off++];
  return Out;
}

bool FixSource::firstOnLine(SourceLocation L) const {
  StringRef Buf = buffer(L);
  for (unsigned Off = SM.getFileOffset(L); Off > 0; --Off) {
    char C = Buf[Off - 1];
    if (C == '\n')
      return true;
    if (C != ' ' && C != '\t')
      return false;
  }
  return true;
}

bool FixSource::lastOnLine(SourceLocation E) const {
  StringRef Buf = buffer(E);
  for (unsigned Off = SM.getFileOffset(E); Off < Buf.size(); ++Off) {
    char C = Buf[Off];
    if (C == '\n' || C == '\r')
      return true;
    if (C != ' ' && C != '\t')
      return false;
  }
  return true;
}

SourceLocation FixSource::nextLineStart(SourceLocation E) const {
  StringRef Buf = buffer(E);
  unsigned Start = SM.getFileOffset(E), Off = Start;
  while (Off < Buf.size() && Buf[Off] != '\n')
    ++Off;
  if (Off < Buf.size())
    ++Off;
  return E.getLocWithOffset(int(Off - Start));
}

} // namespace forksafe
