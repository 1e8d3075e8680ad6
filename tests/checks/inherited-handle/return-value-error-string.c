// A helper that returns NULL on success and an error message otherwise:
// 'const char *err = migrate_db(); if (err) { ...; return 1; }'. The
// migration closes its connection before returning NULL; every non-null
// return leaves it open, but then the daemon does not start. The caller's
// null test must select the helper's results. With BUG the success path
// leaves the connection open and the workers query it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static PGconn *pg;
// CHECK: return-value-error-string.c:[[#DEF:@LINE-1]]:16: warning: 'pg' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static const char *migrate_db(const char *conninfo) {
  pg = PQconnectdb(conninfo);
  if (PQstatus(pg) != CONNECTION_OK)
    return "cannot connect";
  PGresult *r = PQexec(pg, "SELECT migrate_to(12)");
  if (!r)
    return "migration failed";
  PQclear(r);
#ifndef BUG
  PQfinish(pg);
  pg = NULL;
#endif
  return NULL;
}

static void serve(void) {
  if (!pg)
    pg = PQconnectdb("dbname=app");
  PQclear(PQexec(pg, "SELECT take_job()"));
}

int main(int argc, char **argv) {
  const char *err = migrate_db(argc > 1 ? argv[1] : "dbname=app");
  if (err) {
    fprintf(stderr, "startup: %s\n", err);
    return 1;
  }
  for (int i = 0; i < 8; ++i)
    if (fork() == 0) {
      serve();
      exit(0);
    }
  return 0;
}
// CHECK: return-value-error-string.c:[[#DEF+4]]:8: note: 'pg' created here by PQconnectdb()
// CHECK: return-value-error-string.c:[[#DEF+31]]:9: note: fork() forks here; the child inherits 'pg'
// CHECK: return-value-error-string.c:[[#DEF+32]]:7: note: 'serve' called from here in the child process
// CHECK: return-value-error-string.c:[[#DEF+21]]:11: note: 'pg' used here in the child process by PQexec()
// CHECK: return-value-error-string.c:[[#DEF]]:16: note: create the handle lazily
