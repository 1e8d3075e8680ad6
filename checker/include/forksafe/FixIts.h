// SPDX-License-Identifier: Apache-2.0
/// Fix-its that need the whole program: a note with the edits, added to a
/// finding when the edits are known to be safe as text.
///
///  - A C++ handle variable at namespace scope created by its dynamic
///    initialiser becomes a handle created lazily in each process (the
///    runtime's forksafe::per_process<T>, or a function that keys its handle
///    by getpid()), and every reference to it is rewritten.
///  - A connect in a framework's pre-fork hook moves into the module's
///    post-fork hook (or, when that cannot be done safely, a note names the
///    hook to move it into).
///
/// The exit( -> _Exit( fix of forksafe-inherited-handle-close is made by the
/// analysis itself (a note's Edits, like every fix-it).
#pragma once

#include "forksafe/Finding.h"
#include "forksafe/Program.h"
#include "forksafe/Rules.h"

#include <string>
#include <vector>

namespace forksafe {

/// How the lazy-handle fix spells a lazy handle
/// (forksafe-inherited-handle.LazyHandleStyle).
enum class LazyHandleStyle {
  PerProcess, // forksafe::per_process<T> from <forksafe/guarded.hpp>
  Function,   // T &name(), one T per process keyed by getpid(); no runtime
  None,       // no lazy-handle fix
};
bool parseLazyHandleStyle(const std::string &Text, LazyHandleStyle &Out);
const char *lazyHandleStyleName(LazyHandleStyle S);

struct FixOptions {
  LazyHandleStyle Lazy = LazyHandleStyle::PerProcess;
};

/// Adds the fix-it notes (kind Remedy: not part of a finding's fingerprint)
/// to the forksafe-inherited-handle findings they apply to.
void attachFixIts(const Program &P, const RuleSet &Rules,
                  const FixOptions &Options, std::vector<Finding> &Findings);

} // namespace forksafe
