// SPDX-License-Identifier: Apache-2.0
// The move-into-the-post-fork-hook fix's facts. For each framework hook
// function this unit defines: its top-level statements (where each is, the
// globals it names, whether it could be moved into another function as
// text) and where a moved statement would go in it.
#include "FixItFacts.h"
#include "HandleRefs.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <set>

using namespace clang;

namespace forksafe {
namespace {

/// What a statement names: local or parameter variables (it cannot leave
/// its function), global variables, and the declarations a copy of it
/// elsewhere in the file needs before it.
class StmtRefs : public RecursiveASTVisitor<StmtRefs> {
public:
  bool shouldVisitImplicitCode() const { return false; }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const ValueDecl *D = DRE->getDecl();
    if (const auto *V = dyn_cast<VarDecl>(D)) {
      if (!V->hasGlobalStorage() || V->isStaticLocal())
        Local = true;
      else
        Globals.insert(V->getCanonicalDecl());
    }
    Named.push_back(D);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) { // the object is the hook's own
    Local = true;
    return true;
  }
  bool VisitStmtExpr(StmtExpr *) {
    Unmovable = true;
    return true;
  }
  bool VisitPredefinedExpr(PredefinedExpr *) { // __func__ names its function
    Unmovable = true;
    return true;
  }
  bool Local = false, Unmovable = false;
  std::set<const VarDecl *> Globals;
  std::vector<const ValueDecl *> Named;
};

/// Whether S is 'if (<mentions the first parameter>) return ...;' with no
/// else: Kamailio's rank test.
bool isParamGuard(const Stmt *S, const FunctionDecl *FD) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || FD->getNumParams() == 0)
    return false;
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast<CompoundStmt>(Then))
    Then = CS->body_empty() ? nullptr : CS->body_back();
  if (!Then || !isa<ReturnStmt>(Then))
    return false;
  const ParmVarDecl *P = FD->getParamDecl(0);
  std::vector<const Stmt *> Work = {If->getCond()};
  while (!Work.empty()) {
    const Stmt *X = Work.back();
    Work.pop_back();
    if (!X)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(X))
      if (DRE->getDecl() == P)
        return true;
    for (const Stmt *C : X->children())
      Work.push_back(C);
  }
  return false;
}

class HookBodyExtractor {
public:
  explicit HookBodyExtractor(ASTContext &Ctx) : Ctx(Ctx), Src(Ctx) {}

  void run(TUFacts &Facts) {
    std::set<std::string> Names, Wanted;
    for (const HookBinding &B : Facts.Hooks) {
      Names.insert(B.FunctionName);
      Wanted.insert(B.FunctionUsr);
    }
    if (Names.empty())
      return;
    std::vector<const FunctionDecl *> Found;
    collect(Ctx.getTranslationUnitDecl(), Names, Found);
    std::set<std::string> Done;
    for (const FunctionDecl *FD : Found) {
      const std::string &Usr = Usrs.of(FD->getCanonicalDecl());
      if (!Wanted.count(Usr) || !Done.insert(Usr).second)
        continue;
      HookBody B;
      if (describe(FD, Usr, B))
        Facts.HookBodies.push_back(std::move(B));
    }
  }

private:
  void collect(DeclContext *DC, const std::set<std::string> &Names,
               std::vector<const FunctionDecl *> &Out) {
    for (Decl *D : DC->decls()) {
      if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) ||
          isa<ExportDecl>(D) ||
          (isa<CXXRecordDecl>(D) && !cast<CXXRecordDecl>(D)->isDependentContext() &&
           cast<CXXRecordDecl>(D)->isThisDeclarationADefinition())) {
        collect(cast<DeclContext>(D), Names, Out);
        continue;
      }
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->doesThisDeclarationHaveABody() ||
          FD->isDependentContext() || FD->isInvalidDecl() ||
          Src.SM.isInSystemHeader(Src.SM.getExpansionLoc(FD->getLocation())))
        continue;
      if (Names.count(FD->getQualifiedNameAsString()))
        Out.push_back(FD);
    }
  }

  bool describe(const FunctionDecl *FD, const std::string &Usr, HookBody &B) {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    if (!Body || Body->getLBracLoc().isMacroID() ||
        Body->getRBracLoc().isMacroID())
      return false;
    B.Usr = Usr;
    B.Name = FD->getQualifiedNameAsString();
    B.File = Src.location(Body->getRBracLoc()).File;
    FileID File = Src.SM.getFileID(Body->getRBracLoc());
    for (const Stmt *S : Body->body())
      B.Stmts.push_back(statement(S, File));

    // A moved statement goes before the final 'return', else before the
    // closing brace.
    const Stmt *Last = Body->body_empty() ? nullptr : Body->body_back();
    SourceLocation At;
    if (Last && isa<ReturnStmt>(Last) && Last->getBeginLoc().isFileID()) {
      At = Last->getBeginLoc();
    } else {
      At = Body->getRBracLoc();
    }
    if (Src.firstOnLine(At)) {
      B.Indent = Src.indentOf(At);
      if (At == Body->getRBracLoc()) {
        // One level deeper than the brace: as the first statement is, or
        // two blanks.
        const Stmt *First = Body->body_empty() ? nullptr : Body->body_front();
        if (First && First->getBeginLoc().isFileID() &&
            Src.firstOnLine(First->getBeginLoc()))
          B.Indent = Src.indentOf(First->getBeginLoc());
        else
          B.Indent += "  ";
      }
      B.InsertSuffix = "\n";
      At = Src.lineStart(At);
    } else {
      B.InsertSuffix = " ";
    }
    B.InsertAt = Src.location(At);
    for (const Stmt *S : Body->body()) {
      if (S == Last && At != Body->getRBracLoc())
        break;
      if (isParamGuard(S, FD))
        B.Guarded = true;
    }
    return B.InsertAt.valid();
  }

  HookBody::Stmt statement(const Stmt *S, FileID File) {
    HookBody::Stmt Out;
    SourceLocation Begin = S->getBeginLoc(), End = S->getEndLoc();
    if (Begin.isMacroID() || End.isMacroID()) {
      // Still record where it is (for locating events), but not movable.
      Begin = Src.SM.getExpansionLoc(Begin);
      End = Src.SM.getExpansionLoc(End);
      Out.Blocked = "the statement is written by a macro";
    }
    Out.Begin = Src.location(Begin);
    SourceLocation After = Src.tokenEnd(End);
    // An expression statement ends with its ';'.
    if (isa<Expr>(S) && Out.Blocked.empty()) {
      SourceLocation Semi = Lexer::findLocationAfterToken(
          End, tok::semi, Src.SM, Src.LangOpts,
          /*SkipTrailingWhitespaceAndNewLine=*/false);
      if (Semi.isValid())
        After = Semi;
      else
        Out.Blocked = "the statement's ';' was not found";
    }
    Out.End = Src.location(After.getLocWithOffset(-1));
    if (!Out.Blocked.empty())
      return Out;
    if (!isa<Expr>(S)) {
      Out.Blocked = "it is not an expression statement";
      return Out;
    }
    if (Src.SM.getFileID(Begin) != File) {
      Out.Blocked = "the statement is in another file";
      return Out;
    }
    StmtRefs Refs;
    Refs.TraverseStmt(const_cast<Stmt *>(S));
    for (const VarDecl *V : Refs.Globals)
      Out.Vars.push_back(Usrs.of(V));
    std::sort(Out.Vars.begin(), Out.Vars.end());
    if (Refs.Local) {
      Out.Blocked = "it uses the hook's parameters, local variables or object";
      return Out;
    }
    if (Refs.Unmovable) {
      Out.Blocked = "it uses a statement expression or __func__";
      return Out;
    }
    // The last declaration in this file it names: a copy must follow it.
    SourceLocation Needs;
    for (const ValueDecl *D : Refs.Named) {
      const Decl *First = D->getCanonicalDecl();
      SourceLocation L = First->getLocation();
      if (L.isInvalid())
        continue;
      L = Src.SM.getExpansionLoc(L);
      if (Src.SM.getFileID(L) != File)
        continue;
      if (Needs.isInvalid() || Src.SM.isBeforeInTranslationUnit(Needs, L))
        Needs = L;
    }
    if (Needs.isValid())
      Out.Needs = Src.location(Needs);
    bool Ok = false;
    Out.Text = Src.text(Begin, After, &Ok);
    if (!Ok) {
      Out.Blocked = "the statement could not be read";
      return Out;
    }
    // Removing it: its whole lines when it is alone on them.
    if (Src.firstOnLine(Begin) && Src.lastOnLine(After)) {
      SourceLocation From = Src.lineStart(Begin), To = Src.nextLineStart(After);
      Out.Cut.Loc = Src.location(From);
      Out.Cut.From = Src.text(From, To, &Ok);
    } else {
      Out.Cut.Loc = Out.Begin;
      Out.Cut.From = Out.Text;
    }
    if (!Ok || !Out.Cut.Loc.valid())
      Out.Blocked = "the statement could not be read";
    return Out;
  }

  ASTContext &Ctx;
  FixSource Src;
  UsrCache Usrs;
};

} // namespace

void extractHookBodies(ASTContext &Ctx, TUFacts &Facts) {
  if (Facts.Hooks.empty())
    return;
  HookBodyExtractor(Ctx).run(Facts);
}

} // namespace forksafe
