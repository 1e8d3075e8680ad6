// Against the real <libpq-fe.h> (libpq-dev). PQsetdb is a macro there.
// REQUIRES: libpq-headers
// RUN: %expect_exit 1 %forksafe %s -- -I/usr/include/postgresql | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -I/usr/include/postgresql -DFIXED | count 0
#include <libpq-fe.h>
#include <unistd.h>

PGconn *pg;
// CHECK: libpq.c:[[#@LINE-1]]:9: warning: 'pg' (PostgreSQL libpq) is connected when the process forks
PGcancel *cancel;
// CHECK: note: 'pg' created here by PQsetdbLogin()
// CHECK: note: 'pg' used here in the child process by PQexec()
// CHECK: libpq.c:[[#@LINE-3]]:11: warning: 'cancel' (PostgreSQL libpq) is connected when the process forks
// CHECK: note: 'cancel' created here by PQgetCancel()
// CHECK: note: 'cancel' used here in the child process by PQcancel()

int main(void) {
  char errbuf[256];
#ifndef FIXED
  pg = PQsetdb(NULL, NULL, NULL, NULL, "app");
  cancel = PQgetCancel(pg);
#endif
  if (fork() == 0) {
#ifdef FIXED
    pg = PQconnectdb("dbname=app");
    cancel = PQgetCancel(pg);
#endif
    PQexec(pg, "SELECT 1");
    PQcancel(cancel, errbuf, sizeof errbuf);
    _exit(0);
  }
  PQfreeCancel(cancel);
  PQfinish(pg);
  return 0;
}
