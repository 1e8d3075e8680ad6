// SPDX-License-Identifier: Apache-2.0
/// C library calls whose result the arguments decide: the length that
/// snprintf() reports for constant text (so 'if (snprintf(buf, sizeof(buf),
/// "%s/reconstruct", SBIN_DIR) >= sizeof(buf)) fatal(...)' is decided where
/// it is written). (strlen() of a literal needs nothing: clang folds it.)
#pragma once

#include <cstdint>
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
} // namespace clang

namespace forksafe {

/// The value CE returns, where its arguments decide it; nullopt otherwise.
std::optional<int64_t> constantCallResult(const clang::CallExpr *CE,
                                          const clang::ASTContext &Ctx);

} // namespace forksafe
