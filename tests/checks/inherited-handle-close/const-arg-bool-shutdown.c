// 'store_shutdown(false)': the callee closes only when its flag says so
// ('if (hard) PQfinish(pg); pg = NULL;'). Each child forgets the inherited
// connection with store_shutdown(false) and opens its own; the parent
// closes with store_shutdown(true). The constant argument decides the
// branch inside the callee. With BUG the child calls store_shutdown(true)
// and sends Terminate on the parent's session.
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/wait.h>
#include <unistd.h>

static PGconn *pg;
// CHECK: const-arg-bool-shutdown.c:[[#DEF:@LINE-1]]:16: warning: 'pg' (PostgreSQL libpq) is inherited by a child process and closed there: sends Terminate ('X') on the shared socket (and a TLS close_notify): the server ends the parent's session [forksafe-inherited-handle-close]

static void store_init(void) { pg = PQconnectdb("dbname=store"); }

static void store_shutdown(bool hard) {
  if (hard)
    PQfinish(pg);
  pg = NULL;
}

static void child_main(int n) {
#ifdef BUG
  store_shutdown(true);
#else
  store_shutdown(false);
#endif
  store_init();
  for (int i = 0; i < n; ++i)
    PQclear(PQexec(pg, "SELECT process_batch()"));
  store_shutdown(true);
}

int main(void) {
  store_init();
  PQclear(PQexec(pg, "SELECT prepare_batches()"));
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      child_main(100);
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  store_shutdown(true);
  return 0;
}
// CHECK: const-arg-bool-shutdown.c:[[#DEF+3]]:37: note: 'pg' created here by PQconnectdb()
// CHECK: const-arg-bool-shutdown.c:[[#DEF+27]]:9: note: fork() forks here; the child inherits 'pg'
// CHECK: const-arg-bool-shutdown.c:[[#DEF+28]]:7: note: 'child_main' called from here in the child process
// CHECK: const-arg-bool-shutdown.c:[[#DEF+13]]:3: note: 'store_shutdown' called from here in the child process
// CHECK: const-arg-bool-shutdown.c:[[#DEF+7]]:5: note: 'pg' closed here in the child process by PQfinish()
// CHECK: const-arg-bool-shutdown.c:[[#DEF]]:16: note: leave the child with _exit()
