// The witness must not rest on an assumption a working program rules out,
// even when it is the shortest. The maintenance child would query the
// inherited connection only if the API table's 'connect' were unbound,
// which bind_api() in main rules out: that path is not a witness, and its
// fork site is not "also inherited" (no use is reached there). The worker
// child's path needs no assumption. Without BUG the worker reconnects
// first and nothing is reported; with BUG it queries the inherited
// connection, and the finding shows the worker's longer chain.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

struct db_api {
  PGconn *(*connect)(const char *dsn);
};

static PGconn *pg_connect(const char *dsn) { return PQconnectdb(dsn); }

static struct db_api api;
static PGconn *conn;
// CHECK: witness-fewest-assumptions.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static void bind_api(struct db_api *a) { a->connect = pg_connect; }

static void maintenance(void) {
  if (!api.connect) { /* no driver: borrow the master's connection */
    PQclear(PQexec(conn, "VACUUM"));
    return;
  }
  PGconn *own = api.connect("dbname=app");
  PQclear(PQexec(own, "VACUUM"));
}

static void handle(int id) {
  char q[64];
  snprintf(q, sizeof q, "SELECT serve(%d)", id);
  PQclear(PQexec(conn, q));
}

static void worker(void) {
#ifndef BUG
  conn = PQconnectdb("dbname=app");
#endif
  for (int id = 0; id < 100; ++id)
    handle(id);
}

int main(void) {
  bind_api(&api);
  conn = PQconnectdb("dbname=app");
  if (fork() == 0) {
    maintenance();
    _exit(0);
  }
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  PQfinish(conn);
  return 0;
}
// CHECK: witness-fewest-assumptions.c:[[#DEF+30]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: witness-fewest-assumptions.c:[[#DEF+36]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: witness-fewest-assumptions.c:[[#DEF+37]]:7: note: 'worker' called from here in the child process
// CHECK: witness-fewest-assumptions.c:[[#DEF+25]]:5: note: 'handle' called from here in the child process
// CHECK: witness-fewest-assumptions.c:[[#DEF+17]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: witness-fewest-assumptions.c:[[#DEF]]:16: note: create the handle lazily
