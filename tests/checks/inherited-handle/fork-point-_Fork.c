// _Fork() (glibc 2.34) forks without running atfork handlers.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#define _GNU_SOURCE
#include <libpq-fe.h>
#include <unistd.h>

static PGconn *pg;
// CHECK: fork-point-_Fork.c:[[#DEF:@LINE-1]]:16: warning: 'pg' (PostgreSQL libpq) is connected when the process forks with _Fork()

int main(void) {
  pg = PQconnectdb("");
  // CHECK: fork-point-_Fork.c:[[#@LINE-1]]:8: note: 'pg' created here by PQconnectdb()
#ifdef FIXED
  PQfinish(pg); /* closed before the fork: nothing is inherited */
  pg = 0;
#endif
  if (_Fork() == 0) {
    // CHECK: fork-point-_Fork.c:[[#@LINE-1]]:7: note: _Fork() forks here; the child inherits 'pg'
#ifdef FIXED
    pg = PQconnectdb("");
#endif
    PQexec(pg, "SELECT 1");
    // CHECK: fork-point-_Fork.c:[[#@LINE-1]]:5: note: 'pg' used here in the child process by PQexec()
    _exit(0);
  }
  return 0;
}
// CHECK: fork-point-_Fork.c:[[#DEF]]:16: note: create the handle lazily
