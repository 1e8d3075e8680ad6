// SPDX-License-Identifier: Apache-2.0
/// Extraction: one walk over a translation unit's AST, producing its facts.
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Rules.h"

#include <set>
#include <string>

namespace clang {
class ASTContext;
}

namespace forksafe {

struct ExtractOptions {
  /// Track local handle variables that live across a fork in one function.
  bool LocalHandles = true;
  /// User functions that fork (a project's own fork wrapper).
  std::set<std::string> ExtraForkFunctions;
};

TUFacts extractFacts(clang::ASTContext &Ctx, const RuleSet &Rules,
                     const ExtractOptions &Options = {});

} // namespace forksafe
