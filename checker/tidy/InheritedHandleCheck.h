// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "EngineCheck.h"

namespace forksafe::tidy {

/// Finds handles that are live when the process forks and are then used in
/// the child process.
///
/// For the user-facing documentation see:
/// checker/docs/checks/forksafe-inherited-handle.md
class InheritedHandleCheck : public EngineCheck {
public:
  InheritedHandleCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
};

} // namespace forksafe::tidy
