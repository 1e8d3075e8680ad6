// PostgreSQL extension in shared_preload_libraries: _PG_init (in the
// postmaster) installs an executor hook, which runs in each backend, and
// opens a Redis connection the hook reports to: every backend shares it.
// The fix connects lazily in the hook, in each backend.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <hiredis.h>
#include <postgres-ext.h>
#include <stddef.h>

PG_MODULE_MAGIC;

static redisContext *stats;
// CHECK: postgresql-hook.c:[[#DEF:@LINE-1]]:22: warning: 'stats' (hiredis) is connected when the PostgreSQL postmaster (library in shared_preload_libraries) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static ExecutorEnd_hook_type prev_ExecutorEnd = NULL;

static void stats_ExecutorEnd(QueryDesc *queryDesc) {
#ifdef FIXED
  if (stats == NULL)
    stats = redisConnect("127.0.0.1", 6379);
#endif
  redisCommand(stats, "INCR queries");
  if (prev_ExecutorEnd)
    prev_ExecutorEnd(queryDesc);
  else
    standard_ExecutorEnd(queryDesc);
}

void _PG_init(void) {
#ifndef FIXED
  stats = redisConnect("127.0.0.1", 6379);
  // CHECK: postgresql-hook.c:[[#@LINE-1]]:11: note: 'stats' created here by redisConnect()
#endif
  prev_ExecutorEnd = ExecutorEnd_hook;
  ExecutorEnd_hook = stats_ExecutorEnd;
}
// CHECK: postgresql-hook.c:[[#DEF+16]]:6: note: PostgreSQL runs '_PG_init' in the postmaster when the library is in shared_preload_libraries, before it forks the backends and background workers
// CHECK: postgresql-hook.c:[[#DEF+22]]:22: note: the ExecutorEnd_hook 'stats_ExecutorEnd' set here runs in each backend process
// CHECK: postgresql-hook.c:[[#DEF+9]]:3: note: 'stats' used here in the child process by redisCommand()
// CHECK: postgresql-hook.c:[[#DEF]]:22: note: connect in each backend or background worker
// CHECK: postgresql-hook.c:[[#DEF+18]]:3: note: move this connect into a post-fork hook
