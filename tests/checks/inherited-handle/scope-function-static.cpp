// A function-local static created by a call made before the fork is
// inherited: its initialiser does not run again in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *audit_db() {
  static PGconn *conn = PQconnectdb("dbname=audit");
  // CHECK: scope-function-static.cpp:[[#DEF:@LINE-1]]:18: warning: 'conn' (PostgreSQL libpq)
  // CHECK: scope-function-static.cpp:[[#@LINE-2]]:25: note: 'conn' created here by PQconnectdb()
  return conn;
}

int main() {
#ifndef FIXED
  PQexec(audit_db(), "INSERT INTO audit VALUES ('start')");
#endif
  if (fork() == 0) {
    // CHECK: scope-function-static.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
    PQexec(audit_db(), "INSERT INTO audit VALUES ('child')");
    // CHECK: scope-function-static.cpp:[[#@LINE-1]]:5: note: 'conn' used here in the child process by PQexec()
    _exit(0);
  }
  return 0;
}
// CHECK: scope-function-static.cpp:[[#DEF]]:18: note: create the handle lazily
