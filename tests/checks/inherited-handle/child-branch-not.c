// Child branch recognised in 'if (!fork())'; the twin uses the handle only
// in the parent.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <unistd.h>

PGconn *db;
// CHECK: child-branch-not.c:[[#DEF:@LINE-1]]:9: warning: 'db' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  db = PQconnectdb("dbname=app");
  // CHECK: child-branch-not.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
  if (!fork()) {
    // CHECK: child-branch-not.c:[[#@LINE-1]]:8: note: fork() forks here; the child inherits 'db'
#ifndef FIXED
    PQexec(db, "SELECT 1");
    // CHECK: child-branch-not.c:[[#@LINE-1]]:5: note: 'db' used here in the child process by PQexec()
#endif
    _exit(0);
  }
  PQexec(db, "SELECT 2"); /* the parent keeps using its own connection */
  return 0;
}
// CHECK: child-branch-not.c:[[#DEF]]:9: note: create the handle lazily
