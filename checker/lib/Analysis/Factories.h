// SPDX-License-Identifier: Apache-2.0
/// Factories, found when the program is linked: functions whose result
/// holds a handle they made, and where in it. 'PGconn *connect_db(void)'
/// returns the handle itself (path ""); 'struct db *db_open(void)' returns
/// a struct whose '.conn' it connected, itself, through a callee that
/// connects its parameter's member ('check_servers(d)' reaching
/// 'memcached_stat(d->mc, ...)'), or through another factory
/// ('r = make_conn(); ...; return r;'). A caller that stores the result
/// ('sess = db_open()') makes its variable's member live there; where the
/// struct is opaque to the caller's file, the member becomes a handle here.
#pragma once

#include "forksafe/Program.h"

#include <map>
#include <string>

namespace forksafe {

/// Sets P.MadeInResult, and adds to P.Handles (P.DerivedHandles) the
/// members factories make of what OpaqueRoots (by key) point to.
void linkFactories(Program &P,
                   const std::map<std::string, const HandleVar *> &OpaqueRoots);

} // namespace forksafe
