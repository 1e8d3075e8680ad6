// SPDX-License-Identifier: Apache-2.0
// Records the handle variables a TU names (HandleVariables.h).
#include "HandleVariables.h"

#include "ExtractContext.h"
#include "HandleRefs.h"
#include "Nolint.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace forksafe {

void HandleVariables::noteHandle(const HandleRef &R, const VarDecl *Root,
                                 QualType T, const std::string &Library) {
  if (R.Kind == HandleRef::Param || R.Kind == HandleRef::Result)
    return;
  std::string Key = R.key();
  if (Handles.count(Key))
    return;
  HandleVar H;
  H.Key = Key;
  H.Path = R.Path;
  H.Library = Library;
  const HandleRule *Rule = T.isNull() ? nullptr : Types.match(T);
  if (Rule && H.Library.empty())
    H.Library = Rule->Library;
  if (!Rule)
    for (const HandleRule &HR : Rules.Handles)
      if (HR.Library == Library) {
        Rule = &HR;
        break;
      }
  H.Type = T.isNull() ? "" : T.getAsString();
  H.Sem = Rule ? Rule->Sem : Semantics::SharedSocket;
  if (Root) {
    const VarDecl *Def = Root->getDefinition() ? Root->getDefinition() : Root;
    H.IsDefinition = Root->getDefinition() != nullptr;
    H.Name = Root->getQualifiedNameAsString() + R.Path;
    H.Loc = Locations.location(Def->getLocation());
    H.Store = Root->isStaticLocal()        ? Storage::StaticLocal
              : Root->isStaticDataMember() ? Storage::StaticMember
              : Root->hasGlobalStorage()   ? Storage::Global
                                           : Storage::Local;
    H.Nolint = nolintAt(Def->getLocation());
  } else {
    H.Name = Key;
  }
  Handles[Key] = H;
}

void HandleVariables::noteOpaqueRoot(const HandleRef &R, const VarDecl *Root,
                                     QualType T) {
  if (Handles.count(R.key()))
    return;
  noteHandle(R, Root, T, "");
  if (auto It = Handles.find(R.key()); It != Handles.end())
    It->second.OpaqueRoot = true;
}

bool HandleVariables::mayHoldHandle(QualType T, int Depth) {
  if (MembersGeneration != Types.generation()) {
    MayHoldHandle.clear();
    MembersGeneration = Types.generation();
  }
  auto Key = std::make_pair(T.getAsOpaquePtr(), Depth);
  auto It = MayHoldHandle.find(Key);
  if (It != MayHoldHandle.end())
    return It->second;
  bool May = false;
  if (Types.match(T)) {
    May = true;
  } else {
    const RecordDecl *Rec = T->getAsRecordDecl();
    if (Rec && Depth < 3 && Rec->getDefinition() && !isStdWrapper(T))
      for (const FieldDecl *F : Rec->getDefinition()->fields())
        if (mayHoldHandle(F->getType(), Depth + 1)) {
          May = true;
          break;
        }
  }
  MayHoldHandle[Key] = May;
  return May;
}

void HandleVariables::noteHandleMembers(const HandleRef &R, const VarDecl *V,
                                        QualType T, int Depth) {
  if (!mayHoldHandle(T, Depth))
    return;
  if (Types.match(T)) {
    // The elements of a container of handles are one handle, 'pool[]',
    // as 'pool[i]' and 'pool.push_back(...)' name it.
    HandleRef E = R;
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            T->getAsRecordDecl()))
      if (Spec->isInStdNamespace() && Spec->getName() != "unique_ptr" &&
          Spec->getName() != "shared_ptr" && Spec->getName() != "optional" &&
          Spec->getName() != "weak_ptr" &&
          Spec->getName() != "reference_wrapper" && Spec->getName() != "atomic")
        E.Path += "[]";
    if (E.Kind == HandleRef::Global || !E.Path.empty())
      noteHandle(E, V, T, "");
    return;
  }
  const RecordDecl *Rec = T->getAsRecordDecl();
  if (!Rec || Depth >= 3 || !Rec->getDefinition() || isStdWrapper(T))
    return;
  for (const FieldDecl *F : Rec->getDefinition()->fields()) {
    HandleRef M = R;
    M.Path += "." + F->getNameAsString();
    noteHandleMembers(M, V, F->getType(), Depth + 1);
  }
}

std::vector<std::string> HandleVariables::nolintAt(SourceLocation L) {
  L = SM.getExpansionLoc(L);
  FileID FID = SM.getFileID(L);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return {};
  return nolintGlobsAt(Buf.str(), SM.getExpansionLineNumber(L));
}

void HandleVariables::finish(TUFacts &F) {
  for (auto &[Key, H] : Handles)
    F.Handles.push_back(std::move(H));
}

} // namespace forksafe
