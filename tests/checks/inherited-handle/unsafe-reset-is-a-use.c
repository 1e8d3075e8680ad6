// "Resets" that talk on the shared socket (PQreset sends Terminate first) are
// uses, not a fix; the remedy never suggests them.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <unistd.h>

PGconn *pg;
// CHECK: unsafe-reset-is-a-use.c:[[#DEF:@LINE-1]]:9: warning: 'pg' (PostgreSQL libpq)

int main(void) {
  pg = PQconnectdb("");
  // CHECK: unsafe-reset-is-a-use.c:[[#@LINE-1]]:8: note: 'pg' created here by PQconnectdb()
  if (fork() == 0) {
    // CHECK: unsafe-reset-is-a-use.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'pg'
    PQreset(pg);
    // CHECK: unsafe-reset-is-a-use.c:[[#@LINE-1]]:5: note: 'pg' used here in the child process by PQreset()
    PQexec(pg, "SELECT 1");
    _exit(0);
  }
  return 0;
}
// CHECK: unsafe-reset-is-a-use.c:[[#DEF]]:9: note: create the handle lazily in each process, or reconnect after fork (in a pthread_atfork child handler or the framework's post-fork hook); do not close the inherited handle in the child
