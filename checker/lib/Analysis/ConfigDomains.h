// SPDX-License-Identifier: Apache-2.0
/// Module parameters used as modes. A configured global (written once by
/// the configuration parser: TUFacts::ConfiguredGlobals) is unknown, but a
/// working configuration gives a mode one of the values the program tells
/// apart. Where every use of one compares it for (in)equality with
/// constants (==, !=, a switch, a truth test) and code stores only
/// constants into it, its initial value lies between the least and the
/// greatest of those constants and its default: a 'switch (db_mode)' over
/// all of them, without a default, takes one of its cases (issue 16: a
/// finding must not rest on a value a working configuration rules out).
#pragma once

#include "AbstractValue.h"
#include "FlowGraph.h"

#include <map>
#include <vector>

namespace forksafe {

/// Configured: the places of configured globals (whole variables);
/// Initial: their static initialisers' values. Returns each mode's range.
std::map<uint32_t, AbsVal>
configDomains(const FlowGraph &G, const std::vector<uint32_t> &Configured,
              const std::map<uint32_t, int64_t> &Initial);

} // namespace forksafe
