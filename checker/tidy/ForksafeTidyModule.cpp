// SPDX-License-Identifier: Apache-2.0
// Registers the forksafe-* checks with clang-tidy when the plugin is loaded:
//   clang-tidy-19 --load=ForksafeTidyModule.so --checks='-*,forksafe-*' ...
#include "InheritedHandleCheck.h"
#include "InheritedHandleCloseCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace forksafe::tidy {

class ForksafeModule : public clang::tidy::ClangTidyModule {
public:
  // Keep in step with allChecks() in lib/Analysis/Checks.cpp; the lit test
  // tests/tidy/list-checks.test compares the two lists.
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<InheritedHandleCheck>("forksafe-inherited-handle");
    Factories.registerCheck<InheritedHandleCloseCheck>(
        "forksafe-inherited-handle-close");
  }
};

} // namespace forksafe::tidy

// Loading the shared object runs this constructor, which adds the module to
// the registry of the clang-tidy executable that loaded it.
static clang::tidy::ClangTidyModuleRegistry::Add<forksafe::tidy::ForksafeModule>
    X("forksafe-module", "Adds the forksafe-* checks (handles inherited "
                         "across fork()).");
