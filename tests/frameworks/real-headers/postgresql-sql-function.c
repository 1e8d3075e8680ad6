// PostgreSQL 15, real headers (postgresql-server-dev-15): an extension in
// shared_preload_libraries opens a libpq connection to another server in
// _PG_init, in the postmaster; every backend forked from it runs the
// SQL-callable function (PG_FUNCTION_ARGS: 'Datum (FunctionCallInfo)') on
// the one shared connection. The fix connects lazily in each backend.
// REQUIRES: postgresql-server-dev, libpq-headers
// RUN: clang-19 -fsyntax-only %pgserver_flags %s
// RUN: clang-19 -fsyntax-only %pgserver_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S postgresql-sql-function.c -- %pgserver_flags
// RUN: %make_compdb %t/fixed %S postgresql-sql-function.c -- %pgserver_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "postgres.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include <libpq-fe.h>
#if PG_VERSION_NUM < 150000 || PG_VERSION_NUM >= 160000
#error "not PostgreSQL 15's server headers"
#endif

PG_MODULE_MAGIC;

static PGconn *remote;
// CHECK: postgresql-sql-function.c:[[#DEF:@LINE-1]]:16: warning: 'remote' (PostgreSQL libpq) is connected when the PostgreSQL postmaster (library in shared_preload_libraries) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void remote_connect(void) {
  remote = PQconnectdb("host=archive dbname=archive");
  if (PQstatus(remote) != CONNECTION_OK)
    elog(WARNING, "archive: %s", PQerrorMessage(remote));
}

PG_FUNCTION_INFO_V1(archive_ping);

Datum archive_ping(PG_FUNCTION_ARGS) {
  PGresult *res;
  bool ok;

#ifdef FIXED
  if (remote == NULL)
    remote_connect();
#endif
  res = PQexec(remote, "SELECT 1");
  ok = PQresultStatus(res) == PGRES_TUPLES_OK;
  PQclear(res);
  PG_RETURN_BOOL(ok);
}

void _PG_init(void) {
#ifndef FIXED
  remote_connect();
#endif
}
// CHECK: postgresql-sql-function.c:[[#DEF+4]]:12: note: 'remote' created here by PQconnectdb()
// CHECK: postgresql-sql-function.c:[[#DEF+25]]:6: note: PostgreSQL runs '_PG_init' in the postmaster when the library is in shared_preload_libraries, before it forks the backends and background workers
// CHECK: postgresql-sql-function.c:[[#DEF+11]]:7: note: the SQL-callable function 'archive_ping' runs in a backend process
// CHECK: postgresql-sql-function.c:[[#DEF+19]]:9: note: 'remote' used here in the child process by PQexec()
// CHECK: postgresql-sql-function.c:[[#DEF]]:16: note: connect in each backend or background worker
// CHECK: postgresql-sql-function.c:[[#DEF+27]]:3: note: move this connect into a post-fork hook
