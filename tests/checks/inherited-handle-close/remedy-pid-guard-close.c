// The exit path closes the connection only in the process that opened it:
// 'if (conn && owner == getpid()) PQfinish(conn);'. A worker that leaves
// through the shared exit path does not close the master's session. With
// BUG the guard only checks that an owner was recorded ('if (conn &&
// owner)'), which is also true in every child: each worker's exit sends
// Terminate on the master's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: remedy-pid-guard-close.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is inherited by a child process and closed there: sends Terminate ('X') on the shared socket (and a TLS close_notify): the server ends the parent's session [forksafe-inherited-handle-close]
static pid_t owner;

static void db_open(void) {
  conn = PQconnectdb("dbname=app");
  owner = getpid();
}

static void app_exit(int code) {
#ifdef BUG
  if (conn && owner)
#else
  if (conn && owner == getpid())
#endif
    PQfinish(conn);
  conn = NULL;
  exit(code);
}

static void worker(void) {
  for (int i = 0; i < 10; ++i)
    sleep(1);
  app_exit(0);
}

int main(void) {
  db_open();
  PQclear(PQexec(conn, "UPDATE jobs SET owner = NULL"));
  for (int i = 0; i < 4; ++i)
    if (fork() == 0)
      worker();
  PQclear(PQexec(conn, "UPDATE stats SET workers = 4"));
  app_exit(0);
}
// CHECK: remedy-pid-guard-close.c:[[#DEF+5]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: remedy-pid-guard-close.c:[[#DEF+30]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: remedy-pid-guard-close.c:[[#DEF+31]]:7: note: 'worker' called from here in the child process
// CHECK: remedy-pid-guard-close.c:[[#DEF+23]]:3: note: 'app_exit' called from here in the child process
// CHECK: remedy-pid-guard-close.c:[[#DEF+15]]:5: note: 'conn' closed here in the child process by PQfinish()
// CHECK: remedy-pid-guard-close.c:[[#DEF]]:16: note: leave the child with _exit()
