// SPDX-License-Identifier: Apache-2.0
/// Descriptor sets of select(): the shapes <sys/select.h>'s macros expand
/// to. Each (set, descriptor) pair named in a function is a value place of
/// its own, its bit: FD_SET() sets it, FD_CLR() and FD_ZERO() clear it,
/// select() may clear a set bit but never sets a clear one, FD_ISSET() reads
/// it. So a loop that adds the listening socket only 'if (do_child)' and
/// tests 'FD_ISSET(s, &fds)' after select() does not accept() in the
/// process that never added it (courier-authlib's authdaemond).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class Stmt;
} // namespace clang

namespace forksafe {

/// 'set->fds_bits[index]' (glibc also spells it '__fds_bits'): the set as
/// an lvalue or a pointer (Set; AddressOf when '&set' was written or the
/// pointer is a local initialised with '&set', as in FD_ZERO()), and the
/// element index.
struct FdWord {
  const clang::Expr *Set = nullptr;
  const clang::Expr *Index = nullptr;
};
bool matchFdWord(const clang::Expr *E, FdWord &Out);

/// The descriptor of an index 'fd / NFDBITS' (FD_SET, FD_CLR, FD_ISSET), or
/// null (FD_ZERO's loop counter).
const clang::Expr *descriptorOfIndex(const clang::Expr *Index);

/// A name for a descriptor expression that stays the same wherever it is
/// written in the function: 's', 'pipefd[0]', 'c->fd'; "" when it has none.
std::string descriptorKey(const clang::Expr *Fd);

/// The set an argument of select() (or of any call) names: '&set' gives
/// set, a pointer to an fd_set gives the pointer; null otherwise.
const clang::Expr *fdSetArgument(const clang::Expr *Arg);

/// select() and pselect(): they clear bits of their sets, never set one.
bool isSelectCall(const clang::CallExpr *CE);

class ValueEncoder;

/// What a statement stores into descriptor bits: FD_SET() 1, FD_CLR() and
/// FD_ZERO() 0, select() 'bit ? unknown : 0', a copy of a set its source's
/// bits, a library call given the set unknown. (place, value) pairs, in
/// the text form of forksafe/ValueExpr.h.
std::vector<std::pair<int, std::string>> fdSetStores(const clang::Stmt *S,
                                                     ValueEncoder &Values);

/// Calls Visit(set, descriptor) for every FD_SET/FD_CLR/FD_ISSET in Body.
void forEachDescriptorUse(
    const clang::Stmt *Body,
    const std::function<void(const clang::Expr *, const clang::Expr *)> &Visit);

} // namespace forksafe
