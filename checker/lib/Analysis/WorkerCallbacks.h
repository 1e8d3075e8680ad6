// SPDX-License-Identifier: Apache-2.0
/// Callbacks only worker processes register. A timer, event handler or
/// other callback that code puts in place as it runs (not a static table's
/// entry) is in the table only in the processes that ran that code: one
/// registered only by a post-fork hook, a request handler, or functions
/// only they reach (ProFTPD's sql_sess_init() adding a keepalive timer) is
/// not in the master's table, so the master's dispatch loop cannot call it.
/// Points-to facts are flow-insensitive; this puts back where the
/// registration ran.
#pragma once

#include "forksafe/Program.h"

#include <cstdint>
#include <vector>

namespace forksafe {

class WorkerCallbacks {
public:
  explicit WorkerCallbacks(const Program &P);
  /// Whether every place that names Fn runs only in worker processes.
  bool registeredInWorkersOnly(uint32_t Fn) const {
    return Fn < InWorkersOnly.size() && InWorkersOnly[Fn];
  }

private:
  std::vector<bool> InWorkersOnly;
};

} // namespace forksafe
