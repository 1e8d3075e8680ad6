// SPDX-License-Identifier: Apache-2.0
// The lazy-handle fix's facts. For each namespace-scope C++ variable of a
// handle type declared in this unit: every declaration as spelled (type,
// name, initialiser, through the ';'), every reference with the syntax
// around it (is it the base of a '.', an operand of a postfix operator, or
// a plain operand), and where each declaring file can take an #include.
// Anything a textual rewrite could get wrong (a macro, decltype, '&db',
// 'Conn a, b;', a const or thread_local variable...) blocks the fix, with
// the reason.
#include "FixItFacts.h"
#include "HandleRefs.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>
#include <vector>

using namespace clang;

namespace forksafe {
namespace {

/// Headers a lazy-handle fix may add, as an #include spells them.
const char *const FixHeaders[] = {"forksafe/guarded.hpp", "atomic", "sched.h",
                                  "unistd.h"};

bool blank(llvm::StringRef S) { return S.trim().empty(); }

/// From Buf[From], finds the ';' that ends a declaration, skipping nested
/// brackets, string and character literals and comments. A ',' at depth 0
/// means the declaration declares more than one variable.
bool scanToSemi(llvm::StringRef Buf, size_t From, size_t &Semi,
                std::string &Why) {
  int Depth = 0;
  for (size_t I = From; I < Buf.size(); ++I) {
    char C = Buf[I];
    if (C == '/' && I + 1 < Buf.size() && Buf[I + 1] == '/') {
      I = Buf.find('\n', I);
      if (I == llvm::StringRef::npos)
        break;
      continue;
    }
    if (C == '/' && I + 1 < Buf.size() && Buf[I + 1] == '*') {
      I = Buf.find("*/", I + 2);
      if (I == llvm::StringRef::npos)
        break;
      ++I;
      continue;
    }
    if (C == 'R' && I + 1 < Buf.size() && Buf[I + 1] == '"') {
      Why = "its initialiser has a raw string literal";
      return false;
    }
    if (C == '"' || C == '\'') {
      for (++I; I < Buf.size() && Buf[I] != C; ++I)
        if (Buf[I] == '\\')
          ++I;
      continue;
    }
    if (C == '(' || C == '{' || C == '[')
      ++Depth;
    else if (C == ')' || C == '}' || C == ']')
      --Depth;
    else if (C == ',' && Depth == 0) {
      Why = "it is declared together with other variables";
      return false;
    } else if (C == ';' && Depth == 0) {
      Semi = I;
      return true;
    }
    if (Depth < 0)
      break;
  }
  Why = "the end of its declaration was not found";
  return false;
}

/// Can a T be returned by value before C++17 (a copy or move constructor)?
bool returnableBeforeCxx17(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if ((RD->needsImplicitMoveConstructor() &&
       !RD->defaultedMoveConstructorIsDeleted()) ||
      (RD->needsImplicitCopyConstructor() &&
       !RD->defaultedCopyConstructorIsDeleted()))
    return true;
  for (const CXXConstructorDecl *C : RD->ctors())
    if ((C->isCopyConstructor() || C->isMoveConstructor()) && !C->isDeleted() &&
        C->getAccess() != AS_private && C->getAccess() != AS_protected)
      return true;
  return false;
}

/// The preprocessor structure of one file, from its text: every #include
/// and the conditional block (#if ... #endif, as a path of block ids) each
/// line is in. Include guards are a block like any other.
struct FileLayout {
  struct Directive {
    unsigned Line;
    std::string Header; // as spelled between <> or ""
    std::vector<unsigned> Block;
  };
  std::vector<Directive> Includes;
  std::vector<std::vector<unsigned>> BlockOfLine; // index: line - 1
  std::vector<bool> EndsWithNewline;

  explicit FileLayout(llvm::StringRef Buf) {
    std::vector<unsigned> Stack;
    unsigned Next = 1, Line = 0;
    bool InComment = false;
    size_t Pos = 0;
    while (Pos <= Buf.size()) {
      size_t End = Buf.find('\n', Pos);
      bool NL = End != llvm::StringRef::npos;
      llvm::StringRef L = Buf.slice(Pos, NL ? End : Buf.size());
      ++Line;
      BlockOfLine.push_back(Stack);
      EndsWithNewline.push_back(NL);
      llvm::StringRef T = L.ltrim();
      if (InComment) {
        if (L.contains("*/"))
          InComment = false;
      } else if (T.starts_with("#")) {
        llvm::StringRef D = T.drop_front().ltrim();
        llvm::StringRef Word = D.take_while(
            [](char C) { return std::isalpha(static_cast<unsigned char>(C)); });
        if (Word == "if" || Word == "ifdef" || Word == "ifndef") {
          Stack.push_back(Next++);
        } else if (Word.starts_with("el")) {
          if (!Stack.empty())
            Stack.back() = Next++;
        } else if (Word == "endif") {
          if (!Stack.empty())
            Stack.pop_back();
        } else if (Word == "include" || Word == "import" ||
                   Word == "include_next") {
          llvm::StringRef Rest = D.drop_front(Word.size()).ltrim();
          char Close = Rest.starts_with("<") ? '>' : Rest.starts_with("\"") ? '"' : 0;
          std::string Header;
          if (Close) {
            size_t E = Rest.find(Close, 1);
            if (E != llvm::StringRef::npos)
              Header = Rest.slice(1, E).str();
          }
          Includes.push_back({Line, Header, Stack});
        }
      } else {
        size_t Open = L.rfind("/*");
        if (Open != llvm::StringRef::npos && L.find("*/", Open) == llvm::StringRef::npos)
          InComment = true;
      }
      if (!NL)
        break;
      Pos = End + 1;
    }
  }
};

/// Collects references to the candidates with the syntax around them.
class RefWalker : public RecursiveASTVisitor<RefWalker> {
  using Base = RecursiveASTVisitor<RefWalker>;

public:
  RefWalker(FixSource &Src, std::map<const VarDecl *, LazyVar *> &Vars)
      : Src(Src), Vars(Vars) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        Src.SM.isInSystemHeader(Src.SM.getExpansionLoc(D->getLocation())))
      return true;
    // A declaration starts over: its initialiser's parents are its own.
    std::vector<Stmt *> Saved;
    Saved.swap(Stack);
    bool R = Base::TraverseDecl(D);
    Stack.swap(Saved);
    return R;
  }
  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    Stack.push_back(S);
    bool R = Base::TraverseStmt(S);
    Stack.pop_back();
    return R;
  }
  // Expressions in types (decltype, array bounds) and template arguments:
  // marked by a null entry, never rewritten.
  bool TraverseTypeLoc(TypeLoc TL) {
    Stack.push_back(nullptr);
    bool R = Base::TraverseTypeLoc(TL);
    Stack.pop_back();
    return R;
  }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &A) {
    Stack.push_back(nullptr);
    bool R = Base::TraverseTemplateArgumentLoc(A);
    Stack.pop_back();
    return R;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return true;
    auto It = Vars.find(V->getCanonicalDecl());
    if (It == Vars.end())
      return true;
    LazyVar &LV = *It->second;
    if (!LV.Blocked.empty())
      return true;
    std::string Why = classify(DRE, LV);
    if (!Why.empty())
      LV.Blocked = Why;
    return true;
  }

private:
  std::string classify(DeclRefExpr *DRE, LazyVar &LV) {
    // Stack: ..., parent, DRE.
    for (const Stmt *S : Stack) {
      if (!S)
        return "it is named in a type or a template argument";
      if (isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXNoexceptExpr>(S) ||
          isa<GenericSelectionExpr>(S))
        return "it is named in an unevaluated operand";
      if (const auto *TI = dyn_cast<CXXTypeidExpr>(S))
        if (!TI->isPotentiallyEvaluated())
          return "it is named in an unevaluated operand";
    }
    SourceLocation B = DRE->getBeginLoc(), E = DRE->getEndLoc();
    if (B.isMacroID() || E.isMacroID())
      return "a reference to it is written by a macro";
    if (Src.SM.isInSystemHeader(B))
      return "a system header names it";
    // The parent, through implicit conversions.
    const Stmt *Child = DRE;
    const Stmt *Parent = nullptr;
    for (size_t I = Stack.size() - 1; I-- > 0;) {
      if (isa<ImplicitCastExpr>(Stack[I])) {
        Child = Stack[I];
        continue;
      }
      Parent = Stack[I];
      break;
    }
    LazyVar::Ref R;
    R.What = LazyVar::Ref::Operand;
    SourceLocation TextEnd = Src.tokenEnd(E);
    bool Ok = false;
    R.Name = Src.text(B, TextEnd, &Ok);
    if (!Ok)
      return "a reference to it could not be read";
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent)) {
      if (UO->getOpcode() == UO_AddrOf)
        return "its address is taken";
      if (UO->isPostfix())
        R.What = LazyVar::Ref::Postfix;
    }
    auto member = [&](const Expr *BaseE, bool Arrow, SourceLocation Op) {
      if (BaseE != Child)
        return true;
      if (Arrow) {
        R.What = LazyVar::Ref::Postfix;
        return true;
      }
      if (Op.isInvalid() || Op.isMacroID())
        return false;
      R.What = LazyVar::Ref::Dot;
      TextEnd = Op.getLocWithOffset(1);
      return true;
    };
    bool MemberOk = true;
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent))
      MemberOk = member(ME->getBase(), ME->isArrow(), ME->getOperatorLoc());
    else if (const auto *DM = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Parent))
      MemberOk = DM->isImplicitAccess() ||
                 member(DM->getBase(), DM->isArrow(), DM->getOperatorLoc());
    else if (const auto *UM = dyn_cast_or_null<UnresolvedMemberExpr>(Parent))
      MemberOk = UM->isImplicitAccess() ||
                 member(UM->getBase(), UM->isArrow(), UM->getOperatorLoc());
    if (!MemberOk)
      return "a member access on it is written by a macro";
    if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(Parent)) {
      if (AS->getBase() == Child)
        R.What = LazyVar::Ref::Postfix;
    } else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Parent)) {
      OverloadedOperatorKind K = OC->getOperator();
      if (OC->getNumArgs() > 0 && OC->getArg(0) == Child &&
          (K == OO_Arrow || K == OO_Subscript || K == OO_Call ||
           ((K == OO_PlusPlus || K == OO_MinusMinus) && OC->getNumArgs() == 2)))
        R.What = LazyVar::Ref::Postfix;
    } else if (const auto *CE = dyn_cast_or_null<CallExpr>(Parent)) {
      if (CE->getCallee() == Child)
        R.What = LazyVar::Ref::Postfix;
    }
    R.Text = Src.text(B, TextEnd, &Ok);
    if (!Ok)
      return "a reference to it could not be read";
    R.Loc = Src.location(B);
    if (!R.Loc.valid())
      return "a reference to it could not be located";
    LV.Refs.push_back(std::move(R));
    return "";
  }

  FixSource &Src;
  std::map<const VarDecl *, LazyVar *> &Vars;
  std::vector<Stmt *> Stack;
};

class LazyVarExtractor {
public:
  LazyVarExtractor(ASTContext &Ctx, const RuleSet &Rules)
      : Ctx(Ctx), Src(Ctx), Types(Rules, Ctx) {}

  void run(TUFacts &Facts) {
    std::vector<VarDecl *> Found;
    collect(Ctx.getTranslationUnitDecl(), Found);
    if (Found.empty())
      return;
    std::vector<const VarDecl *> Order;
    for (VarDecl *V : Found) {
      const VarDecl *C = V->getCanonicalDecl();
      if (Index.count(C))
        continue;
      Index[C] = Order.size();
      Order.push_back(C);
    }
    std::vector<LazyVar> Out(Order.size());
    std::map<const VarDecl *, LazyVar *> ByDecl;
    for (size_t I = 0; I < Order.size(); ++I) {
      describe(Order[I], Out[I]);
      ByDecl[Order[I]] = &Out[I];
    }
    RefWalker W(Src, ByDecl);
    W.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (LazyVar &V : Out) {
      if (!V.Blocked.empty()) { // the reason is all the fix needs
        V.Decls.clear();
        V.Refs.clear();
        V.Includes.clear();
      }
      Facts.LazyVars.push_back(std::move(V));
    }
  }

private:
  void collect(DeclContext *DC, std::vector<VarDecl *> &Out) {
    for (Decl *D : DC->decls()) {
      if (auto *TD = dyn_cast<TypedefNameDecl>(D)) {
        Types.noteTypedef(TD);
        continue;
      }
      if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) ||
          isa<ExportDecl>(D)) {
        collect(cast<DeclContext>(D), Out);
        continue;
      }
      auto *V = dyn_cast<VarDecl>(D);
      if (!V || V->isInvalidDecl() || !V->getLocation().isValid() ||
          Src.SM.isInSystemHeader(Src.SM.getExpansionLoc(V->getLocation())))
        continue;
      if (!Types.match(V->getType()))
        continue;
      Out.push_back(V);
    }
  }

  void describe(const VarDecl *C, LazyVar &LV) {
    LV.Var = Usrs.of(C);
    LV.Cxx17 = Ctx.getLangOpts().CPlusPlus17;
    QualType T = C->getType();
    auto block = [&](const char *Why) {
      if (LV.Blocked.empty())
        LV.Blocked = Why;
    };
    if (C->getTLSKind() != VarDecl::TLS_None)
      block("it is thread_local");
    else if (C->isConstexpr() || T.isConstQualified())
      block("it is const");
    else if (T.isVolatileQualified())
      block("it is volatile");
    else if (C->getDescribedVarTemplate() ||
             isa<VarTemplateSpecializationDecl>(C))
      block("it is a variable template");
    else if (C->isExternC())
      block("it has C language linkage");
    else if (T->isReferenceType() || T->isArrayType() ||
             T->isMemberPointerType() || T->isFunctionPointerType())
      block("its type is not a class or a plain pointer");
    else if (T->getContainedAutoType() || T->getContainedDeducedType())
      block("its type is deduced");
    if (!LV.Blocked.empty())
      return;
    LV.Movable = returnableBeforeCxx17(T);
    std::set<FileID> Files;
    std::map<FileID, SourceLocation> FirstDecl;
    std::map<FileID, const Decl *> Anchor;
    for (const VarDecl *R : C->redecls()) {
      LazyVar::Decl D;
      std::string Why;
      SourceLocation Begin;
      if (!describeDecl(R, D, Begin, Why)) {
        LV.Blocked = Why;
        return;
      }
      FileID F = Src.SM.getFileID(Begin);
      if (!FirstDecl.count(F) || Src.SM.isBeforeInTranslationUnit(Begin, FirstDecl[F])) {
        FirstDecl[F] = Begin;
        Anchor[F] = R;
      }
      LV.Decls.push_back(std::move(D));
    }
    for (const auto &[F, At] : FirstDecl)
      LV.Includes.push_back(includeSite(F, At, Anchor[F]));
  }

  bool describeDecl(const VarDecl *R, LazyVar::Decl &D, SourceLocation &Begin,
                    std::string &Why) {
    TypeSourceInfo *TSI = R->getTypeSourceInfo();
    if (!TSI) {
      Why = "its type is not spelled";
      return false;
    }
    TypeLoc TL = TSI->getTypeLoc();
    SourceLocation TB = TL.getBeginLoc(), TE = TL.getEndLoc();
    if (TB.isInvalid() || TE.isInvalid() || TB.isMacroID() || TE.isMacroID() ||
        R->getLocation().isMacroID()) {
      Why = "it is declared by a macro";
      return false;
    }
    SourceLocation TypeEnd = Src.tokenEnd(TE);
    SourceLocation NameBegin = R->getQualifierLoc()
                                   ? R->getQualifierLoc().getBeginLoc()
                                   : R->getLocation();
    SourceLocation NameEnd = Src.tokenEnd(R->getLocation());
    bool Ok1 = false, Ok2 = false, Ok3 = false;
    D.Type = Src.text(TB, TypeEnd, &Ok1);
    std::string Between = Src.text(TypeEnd, NameBegin, &Ok2);
    D.Name = Src.text(NameBegin, NameEnd, &Ok3);
    if (!Ok1 || !Ok2 || !Ok3 || !blank(Between)) {
      Why = "its declarator is not a plain name after the type";
      return false;
    }
    llvm::StringRef Buf = Src.buffer(NameEnd);
    size_t From = Src.SM.getFileOffset(NameEnd), Semi = 0;
    if (!scanToSemi(Buf, From, Semi, Why))
      return false;
    llvm::StringRef Init = Buf.slice(From, Semi).trim();
    bool Definition =
        R->isThisDeclarationADefinition() != VarDecl::DeclarationOnly;
    if (!Init.empty()) {
      char First = Init.front(), Last = Init.back();
      if (!(First == '=' || (First == '(' && Last == ')') ||
            (First == '{' && Last == '}')) ||
          !Definition) {
        Why = "its initialiser is not a plain one";
        return false;
      }
    }
    D.Init = Init.str();
    D.Definition = Definition;
    D.ClassType = R->getType()->isRecordType();
    D.Loc = Src.location(TB);
    bool Ok4 = false;
    D.Text = Src.text(TB, NameEnd.getLocWithOffset(int(Semi + 1 - From)), &Ok4);
    if (!D.Loc.valid() || !Ok4) {
      Why = "its declaration could not be read";
      return false;
    }
    Begin = TB;
    return true;
  }

  /// Where an #include goes in the file that declares the variable: after
  /// the last #include in the same conditional block before the
  /// declaration, else at the start of the line of the declaration (or of
  /// the namespace around it).
  LazyVar::Include includeSite(FileID F, SourceLocation DeclAt,
                               const Decl *D) {
    LazyVar::Include Inc;
    Inc.File = Src.location(DeclAt).File;
    llvm::StringRef Buf = Src.SM.getBufferData(F);
    FileLayout Layout(Buf);
    unsigned DeclLine = Src.SM.getSpellingLineNumber(DeclAt);
    if (DeclLine == 0 || DeclLine > Layout.BlockOfLine.size())
      return Inc;
    const std::vector<unsigned> &Block = Layout.BlockOfLine[DeclLine - 1];
    const FileLayout::Directive *After = nullptr;
    for (const FileLayout::Directive &Dir : Layout.Includes) {
      if (Dir.Line >= DeclLine)
        break;
      // Active where the declaration is: its block is a prefix of ours.
      bool Active = Dir.Block.size() <= Block.size() &&
                    std::equal(Dir.Block.begin(), Dir.Block.end(), Block.begin());
      if (!Active)
        continue;
      for (const char *H : FixHeaders)
        if (Dir.Header == H)
          Inc.Present.push_back(H);
      if (Dir.Block == Block && Layout.EndsWithNewline[Dir.Line - 1])
        After = &Dir;
    }
    SourceLocation At;
    if (After) {
      At = Src.SM.translateLineCol(F, After->Line + 1, 1);
    } else {
      // The outermost namespace or linkage block around the declaration.
      const Decl *Outer = D;
      for (const DeclContext *DC = D->getDeclContext();
           DC && !isa<TranslationUnitDecl>(DC); DC = DC->getParent())
        Outer = cast<Decl>(DC);
      SourceLocation OB = Outer->getBeginLoc();
      if (OB.isInvalid() || OB.isMacroID() || Src.SM.getFileID(OB) != F)
        return Inc;
      unsigned OL = Src.SM.getSpellingLineNumber(OB);
      if (OL == 0 || Layout.BlockOfLine[OL - 1] != Block)
        return Inc;
      At = Src.lineStart(OB);
    }
    Inc.At = Src.location(At);
    Inc.Ok = Inc.At.valid();
    return Inc;
  }

  ASTContext &Ctx;
  FixSource Src;
  HandleTypes Types;
  UsrCache Usrs;
  std::map<const VarDecl *, size_t> Index;
};

} // namespace

void extractLazyVars(ASTContext &Ctx, const RuleSet &Rules, TUFacts &Facts) {
  if (!Ctx.getLangOpts().CPlusPlus11)
    return;
  LazyVarExtractor(Ctx, Rules).run(Facts);
}

} // namespace forksafe
