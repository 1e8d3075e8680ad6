// PostgreSQL extension in shared_preload_libraries: _PG_init runs in the
// postmaster, which forks every backend and background worker; a connection
// it opens is shared by all of them. A background worker's main function
// (named by a string in bgw_function_name, recognised by its type
// 'void (Datum)') runs in the forked worker. The fix connects there.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <libpq-fe.h>
#include <postgres-ext.h>
#include <stdio.h>
#include <string.h>

PG_MODULE_MAGIC;

static PGconn *remote;
// CHECK: postgresql-bgworker.c:[[#DEF:@LINE-1]]:16: warning: 'remote' (PostgreSQL libpq) is connected when the PostgreSQL postmaster (library in shared_preload_libraries) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

PGDLLEXPORT void replicator_main(Datum main_arg) pg_attribute_noreturn();

void replicator_main(Datum main_arg) {
  BackgroundWorkerUnblockSignals();
#ifdef FIXED
  remote = PQconnectdb("host=replica dbname=app");
#endif
  PQexec(remote, "SELECT 1");
  proc_exit(0);
}

void _PG_init(void) {
  BackgroundWorker worker;
  memset(&worker, 0, sizeof worker);
  snprintf(worker.bgw_name, BGW_MAXLEN, "replicator");
  snprintf(worker.bgw_library_name, BGW_MAXLEN, "replicator");
  snprintf(worker.bgw_function_name, BGW_MAXLEN, "replicator_main");
  RegisterBackgroundWorker(&worker);
#ifndef FIXED
  remote = PQconnectdb("host=replica dbname=app");
#endif
}
// CHECK: postgresql-bgworker.c:[[#DEF+22]]:12: note: 'remote' created here by PQconnectdb()
// CHECK: postgresql-bgworker.c:[[#DEF+14]]:6: note: PostgreSQL runs '_PG_init' in the postmaster when the library is in shared_preload_libraries, before it forks the backends and background workers
// CHECK: postgresql-bgworker.c:[[#DEF+5]]:6: note: 'replicator_main', a background worker's main function (void (Datum)), runs in the worker process the postmaster forks for it
// CHECK: postgresql-bgworker.c:[[#DEF+10]]:3: note: 'remote' used here in the child process by PQexec()
// CHECK: postgresql-bgworker.c:[[#DEF]]:16: note: connect in each backend or background worker
// CHECK: postgresql-bgworker.c:[[#DEF+22]]:3: note: fix-it: move this connect into 'replicator_main'
