// The close happens in a cleanup helper the child calls.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DFIXED | count 0
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

PGconn *pg;
// CHECK: close-in-helper.c:[[#DEF:@LINE-1]]:9: warning: 'pg' (PostgreSQL libpq) is inherited by a child process and closed there: sends Terminate ('X') on the shared socket (and a TLS close_notify): the server ends the parent's session [forksafe-inherited-handle-close]

static void cleanup(void);

int main(void) {
  pg = PQconnectdb("dbname=app");
  // CHECK: close-in-helper.c:[[#@LINE-1]]:8: note: 'pg' created here by PQconnectdb()
  if (fork() == 0) {
    // CHECK: close-in-helper.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'pg'
#ifdef FIXED
    pg = PQconnectdb("dbname=app"); /* the child's own connection */
#endif
    cleanup();
    // CHECK: close-in-helper.c:[[#@LINE-1]]:5: note: 'cleanup' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void cleanup(void) {
  PQfinish(pg);
  // CHECK: close-in-helper.c:[[#@LINE-1]]:3: note: 'pg' closed here in the child process by PQfinish()
}
// CHECK: close-in-helper.c:[[#DEF]]:9: note: leave the child with _exit()
