// SPDX-License-Identifier: Apache-2.0
/// The model's vocabulary, shared by the rules, the facts and the analysis:
/// how a handle misbehaves across fork(), what a call does to it, and when
/// a framework runs a module's function. Enums end to end; text only in
/// rule files and facts files (the names below).
#pragma once

#include <optional>
#include <string>

namespace forksafe {

/// How a handle misbehaves when it crosses fork().
enum class Semantics {
  SharedSocket,  // harmful only when two processes use it
  ProcessBound,  // owned by the creating process (locks, files): any other process is wrong
  ThreadOwning,  // background threads that do not exist in the child
};

/// What a call does to the handle it names.
enum class Role {
  Create,  // returns (or writes through an out-parameter) a live handle
  Init,    // allocates a handle that is not live yet (e.g. mysql_init)
  Connect, // makes an existing handle live (e.g. mysql_real_connect)
  Use,     // talks through the handle
  Close,   // releases it
  Reset,   // safe reset after fork: the child may use the handle afterwards
};

/// Where a framework runs a module's function relative to its worker fork.
enum class HookRole {
  PreFork,  // in the master, before workers are forked
  PostFork, // in each worker, once, after the fork
  Request,  // in a worker, for each request
};

/// "shared-socket", "process-bound", "thread-owning".
const char *semanticsName(Semantics S);
std::optional<Semantics> parseSemantics(const std::string &S);
const char *roleName(Role R);
/// "prefork", "postfork", "request" (framework rule files).
std::optional<HookRole> parseHookRole(const std::string &S);

} // namespace forksafe
