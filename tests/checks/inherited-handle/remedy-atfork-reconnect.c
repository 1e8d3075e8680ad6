// The remedy the finding itself recommends: a pthread_atfork child handler
// that reconnects. The handler runs in every child right after fork()
// returns there, before any of the child's own code, so the workers query
// their own connection (the inherited one is leaked, not closed). With BUG
// the handler reconnects only 'if (!conn)', which is never true after a
// fork: the child keeps the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: remedy-atfork-reconnect.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static void reconnect_in_child(void) {
#ifdef BUG
  if (!conn)
#endif
    conn = PQconnectdb("dbname=app");
}

static void worker(int id) {
  (void)id;
  PQclear(PQexec(conn, "SELECT take_job()"));
}

int main(void) {
  conn = PQconnectdb("dbname=app");
  pthread_atfork(NULL, NULL, reconnect_in_child);
  PQclear(PQexec(conn, "UPDATE jobs SET owner = NULL"));
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker(i);
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  PQfinish(conn);
  return 0;
}
// CHECK: remedy-atfork-reconnect.c:[[#DEF+16]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: remedy-atfork-reconnect.c:[[#DEF+20]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: remedy-atfork-reconnect.c:[[#DEF+21]]:7: note: 'worker' called from here in the child process
// CHECK: remedy-atfork-reconnect.c:[[#DEF+12]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: remedy-atfork-reconnect.c:[[#DEF]]:16: note: create the handle lazily
