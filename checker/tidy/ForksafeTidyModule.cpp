// SPDX-License-Identifier: Apache-2.0
// Registers the forksafe-* checks with clang-tidy when the plugin is loaded:
//   clang-tidy-19 --load=ForksafeTidyModule.so --checks='-*,forksafe-*' ...
// One factory per entry of the check registry (forksafe/Checks.h), so the
// plugin has exactly the CLI's checks.
#include "EngineCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace forksafe::tidy {

class ForksafeModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    for (const CheckInfo &C : allChecks()) {
      CheckId Id = C.Id;
      Factories.registerCheckFactory(
          C.Name, [Id](llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx) {
            return std::make_unique<EngineCheck>(Name, Ctx, Id);
          });
    }
  }
};

} // namespace forksafe::tidy

// Loading the shared object runs this constructor, which adds the module to
// the registry of the clang-tidy executable that loaded it.
static clang::tidy::ClangTidyModuleRegistry::Add<forksafe::tidy::ForksafeModule>
    X("forksafe-module", "Adds the forksafe-* checks (handles inherited "
                         "across fork()).");
