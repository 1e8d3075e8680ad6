// The correct shape: the handle is created in the child; the parent never
// connects. Also a factory function that returns a new connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *worker_conn;
// CHECK: connect-in-child.c:[[#DEF:@LINE-1]]:16: warning: 'worker_conn' (PostgreSQL libpq)

static PGconn *open_connection(void) {
  PGconn *c = PQconnectdb("dbname=app");
  if (PQstatus(c) != CONNECTION_OK)
    return NULL;
  return c;
}

int main(void) {
#ifdef BUG
  worker_conn = open_connection();
  // CHECK: connect-in-child.c:[[#@LINE-1]]:17: note: 'worker_conn' created here by 'open_connection'
#endif
  if (fork() == 0) {
    // CHECK: connect-in-child.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'worker_conn'
#ifndef BUG
    worker_conn = open_connection();
#endif
    PQexec(worker_conn, "SELECT 1");
    // CHECK: connect-in-child.c:[[#@LINE-1]]:5: note: 'worker_conn' used here in the child process by PQexec()
    _exit(0);
  }
  return 0;
}
// CHECK: connect-in-child.c:[[#DEF]]:16: note: create the handle lazily
