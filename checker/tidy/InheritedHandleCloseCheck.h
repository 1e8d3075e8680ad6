// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "EngineCheck.h"

namespace forksafe::tidy {

/// Finds handles that are live when the process forks and are then closed in
/// the child in a way that harms the parent's connection (a close that sends
/// a goodbye, also from exit() through static destructors).
///
/// For the user-facing documentation see:
/// checker/docs/checks/forksafe-inherited-handle-close.md
class InheritedHandleCloseCheck : public EngineCheck {
public:
  InheritedHandleCloseCheck(llvm::StringRef Name,
                            clang::tidy::ClangTidyContext *Context);
};

} // namespace forksafe::tidy
