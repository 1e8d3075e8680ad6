// SPDX-License-Identifier: Apache-2.0
#include "InheritedHandleCloseCheck.h"

namespace forksafe::tidy {

static CheckSelection onlyInheritedHandleClose() {
  CheckSelection S;
  S.InheritedHandle = false;
  S.InheritedHandleClose = true;
  return S;
}

InheritedHandleCloseCheck::InheritedHandleCloseCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : EngineCheck(Name, Context, onlyInheritedHandleClose()) {}

} // namespace forksafe::tidy
