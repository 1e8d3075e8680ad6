// Child branch recognised in 'switch (fork()) { case 0: ... }'; the error and
// parent cases do not count as the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: child-branch-switch.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq)

int main(void) {
  conn = PQconnectdb("");
  // CHECK: child-branch-switch.c:[[#@LINE-1]]:10: note: 'conn' created here by PQconnectdb()
  switch (fork()) {
  // CHECK: child-branch-switch.c:[[#@LINE-1]]:11: note: fork() forks here; the child inherits 'conn'
  case -1:
    PQexec(conn, "ROLLBACK"); /* still the parent */
    return 1;
  case 0:
#ifndef FIXED
    PQexec(conn, "SELECT 1");
    // CHECK: child-branch-switch.c:[[#@LINE-1]]:5: note: 'conn' used here in the child process by PQexec()
#endif
    _exit(0);
  default:
    PQexec(conn, "SELECT 2");
    break;
  }
  return 0;
}
// CHECK: child-branch-switch.c:[[#DEF]]:16: note: create the handle lazily
