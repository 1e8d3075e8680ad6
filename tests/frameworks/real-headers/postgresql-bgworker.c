// PostgreSQL 15, real headers (postgresql-server-dev-15): _PG_init of a
// library in shared_preload_libraries registers a background worker and
// opens a Redis connection, in the postmaster; the worker's main function
// (named by bgw_function_name, recognised by its type 'void (Datum)') runs
// in the process the postmaster forks for it and uses the inherited
// connection. The fix connects in the worker's main function.
// REQUIRES: postgresql-server-dev, hiredis-headers
// RUN: clang-19 -fsyntax-only %pgserver_flags %s
// RUN: clang-19 -fsyntax-only %pgserver_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S postgresql-bgworker.c -- %pgserver_flags
// RUN: %make_compdb %t/fixed %S postgresql-bgworker.c -- %pgserver_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "postgres.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include <hiredis/hiredis.h>
#if PG_VERSION_NUM < 150000 || PG_VERSION_NUM >= 160000
#error "not PostgreSQL 15's server headers"
#endif

PG_MODULE_MAGIC;

PGDLLEXPORT void queue_worker_main(Datum main_arg) pg_attribute_noreturn();

static redisContext *queue;
// CHECK: postgresql-bgworker.c:[[#DEF:@LINE-1]]:22: warning: 'queue' (hiredis) is connected when the PostgreSQL postmaster (library in shared_preload_libraries) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

void queue_worker_main(Datum main_arg) {
  BackgroundWorkerUnblockSignals();
#ifdef FIXED
  queue = redisConnect("127.0.0.1", 6379);
#endif
  for (;;) {
    redisReply *reply = redisCommand(queue, "BLPOP jobs 10");
    freeReplyObject(reply);
    CHECK_FOR_INTERRUPTS();
  }
}

void _PG_init(void) {
  BackgroundWorker worker;

  if (!process_shared_preload_libraries_in_progress)
    return;
  memset(&worker, 0, sizeof(worker));
  worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
  worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
  worker.bgw_restart_time = 10;
  snprintf(worker.bgw_name, BGW_MAXLEN, "queue worker");
  snprintf(worker.bgw_type, BGW_MAXLEN, "queue worker");
  snprintf(worker.bgw_library_name, BGW_MAXLEN, "queue_worker");
  snprintf(worker.bgw_function_name, BGW_MAXLEN, "queue_worker_main");
  RegisterBackgroundWorker(&worker);
#ifndef FIXED
  queue = redisConnect("127.0.0.1", 6379);
#endif
}
// CHECK: postgresql-bgworker.c:[[#DEF+30]]:11: note: 'queue' created here by redisConnect()
// CHECK: postgresql-bgworker.c:[[#DEF+15]]:6: note: PostgreSQL runs '_PG_init' in the postmaster when the library is in shared_preload_libraries, before it forks the backends and background workers
// CHECK: postgresql-bgworker.c:[[#DEF+3]]:6: note: 'queue_worker_main', a background worker's main function (void (Datum)), runs in the worker process the postmaster forks for it
// CHECK: postgresql-bgworker.c:[[#DEF+9]]:25: note: 'queue' used here in the child process by redisCommand()
// CHECK: postgresql-bgworker.c:[[#DEF]]:22: note: connect in each backend or background worker (lazily on first use, or in the worker's main function), not in _PG_init or a shmem hook; do not close the inherited handle in a backend
// CHECK: postgresql-bgworker.c:[[#DEF+30]]:3: note: fix-it: move this connect into 'queue_worker_main', which the PostgreSQL postmaster (library in shared_preload_libraries) runs in each worker process after it forks
