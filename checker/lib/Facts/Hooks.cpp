// SPDX-License-Identifier: Apache-2.0
#include "Hooks.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace forksafe {

HookMatcher::HookMatcher(const RuleSet &Rules) : Rules(Rules) {
  for (const HookRule &H : Rules.Hooks)
    if (!H.Register.empty())
      ByRegister[H.Register].push_back(&H);
}

const HookRule *HookMatcher::forField(const RecordDecl *RD,
                                      const FieldDecl *F) const {
  // 'struct ngx_module_s' by its tag; 'typedef struct {...} ngx_http_module_t'
  // by its typedef.
  std::string Struct = RD ? RD->getName().str() : "";
  if (RD && Struct.empty())
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      Struct = TD->getName().str();
  for (const HookRule &H : Rules.Hooks)
    if (!H.Field.empty() && H.Field == F->getName() && H.Struct == Struct &&
        hasFields(RD, H.StructHas))
      return &H;
  return forType(F->getType());
}

bool HookMatcher::hasFields(const RecordDecl *RD,
                            const std::vector<std::string> &Names) {
  if (Names.empty())
    return true;
  if (!RD)
    return false;
  if (const RecordDecl *Def = RD->getDefinition())
    RD = Def;
  for (const std::string &N : Names) {
    bool Found = false;
    for (const FieldDecl *F : RD->fields())
      if (F->getName() == N) {
        Found = true;
        break;
      }
    if (!Found)
      return false;
  }
  return true;
}

const HookRule *HookMatcher::forType(QualType T) const {
  for (const HookRule &H : Rules.Hooks) {
    if (H.FieldType.empty())
      continue;
    for (QualType Q = T; !Q.isNull();) {
      const auto *TT = Q->getAs<TypedefType>();
      if (!TT)
        break;
      if (TT->getDecl()->getName() == H.FieldType)
        return &H;
      Q = TT->getDecl()->getUnderlyingType();
    }
  }
  return nullptr;
}

const HookRule *HookMatcher::forRegister(const std::string &Callee,
                                         unsigned Arg) const {
  auto It = ByRegister.find(Callee);
  if (It == ByRegister.end())
    return nullptr;
  for (const HookRule *H : It->second)
    if (unsigned(H->RegisterArg) == Arg)
      return H;
  return nullptr;
}

/// 'Datum (FunctionCallInfo)': the return and parameter types as the
/// declaration spells them (typedef names kept), without attributes such as
/// noreturn that clang keeps in the function type.
static std::string spelledType(const FunctionDecl *FD) {
  const auto *FT = FD->getType()->getAs<FunctionProtoType>();
  if (!FT)
    return "";
  std::string S = FT->getReturnType().getAsString() + " (";
  for (unsigned I = 0; I < FT->getNumParams(); ++I)
    S += (I ? ", " : "") + FT->getParamType(I).getAsString();
  if (FT->isVariadic())
    S += FT->getNumParams() ? ", ..." : "...";
  return S + ")";
}

std::vector<const HookRule *>
HookMatcher::forFunction(const FunctionDecl *FD) const {
  std::vector<const HookRule *> Out;
  std::string Name = FD->getQualifiedNameAsString();
  for (const HookRule &H : Rules.Hooks) {
    if (!H.Function.empty() && H.Function == Name)
      Out.push_back(&H);
    else if (!H.FunctionPrefix.empty() && Name.rfind(H.FunctionPrefix, 0) == 0)
      Out.push_back(&H);
    else if (!H.FunctionType.empty() && spelledType(FD) == H.FunctionType)
      Out.push_back(&H);
    else if (!H.Annotation.empty())
      for (const auto *A : FD->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == H.Annotation)
          Out.push_back(&H);
  }
  return Out;
}

const FunctionDecl *functionRef(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    return nullptr;
  }
  return nullptr;
}

std::string hookNote(const HookRule &Rule, const std::string &Function) {
  std::string N = Rule.Note;
  size_t P = N.find("%s");
  if (P != std::string::npos)
    N.replace(P, 2, "'" + Function + "'");
  return N;
}

} // namespace forksafe
