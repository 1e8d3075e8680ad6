// SPDX-License-Identifier: Apache-2.0
#include "InheritedHandleCheck.h"

namespace forksafe::tidy {

static CheckSelection onlyInheritedHandle() {
  CheckSelection S;
  S.InheritedHandle = true;
  S.InheritedHandleClose = false;
  return S;
}

InheritedHandleCheck::InheritedHandleCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EngineCheck(Name, Context, onlyInheritedHandle()) {}

} // namespace forksafe::tidy
