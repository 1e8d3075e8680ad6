// Closing the connection before the fork ends its life; the master connects
// for a startup check, closes, and each worker reconnects after fork.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: close-before-fork.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq)

static int schema_ok(void) {
  conn = PQconnectdb("dbname=app");
  // CHECK: close-before-fork.c:[[#@LINE-1]]:10: note: 'conn' created here by PQconnectdb()
  PQexec(conn, "SELECT version FROM schema_info");
#ifndef BUG
  PQfinish(conn);
  conn = NULL;
#endif
  return 1;
}

int main(void) {
  if (!schema_ok())
    return 1;
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      // CHECK: close-before-fork.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'conn'
#ifndef BUG
      conn = PQconnectdb("dbname=app");
#endif
      PQexec(conn, "SELECT 1");
      // CHECK: close-before-fork.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by PQexec()
      _exit(0);
    }
  }
  return 0;
}
// CHECK: close-before-fork.c:[[#DEF]]:16: note: create the handle lazily
