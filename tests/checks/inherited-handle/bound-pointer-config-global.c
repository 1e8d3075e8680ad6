// A configuration global that does not change after startup, tested on
// both sides of the fork: 'if (db_url) connect' before it, 'if (!db_url)
// return 0;' in the worker's init. Both tests see the same value, so the
// witness that connects before the fork (db_url set) and skips the
// worker's reconnect (db_url null) is impossible. With BUG the worker of
// rank 0 also skips the reconnect and serves on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

static const char *db_url; /* from the environment; unset: no database */
static PGconn *conn;
// CHECK: bound-pointer-config-global.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static int check_schema(void) {
  if (db_url) {
    conn = PQconnectdb(db_url);
    PQclear(PQexec(conn, "SELECT check_version(3)"));
  }
  return 0;
}

static int child_init(int rank) {
#ifdef BUG
  if (!db_url || rank == 0)
#else
  if (!db_url)
#endif
    return 0;
  conn = PQconnectdb(db_url); /* the inherited one is left alone */
  return rank;
}

static void handle_requests(void) {
  for (int i = 0; i < 100; ++i)
    if (conn)
      PQclear(PQexec(conn, "SELECT next_request()"));
}

int main(void) {
  db_url = getenv("APP_DB_URL");
  check_schema();
  for (int rank = 0; rank < 4; ++rank)
    if (fork() == 0) {
      child_init(rank);
      handle_requests();
      _exit(0);
    }
  return 0;
}
// CHECK: bound-pointer-config-global.c:[[#DEF+5]]:12: note: 'conn' created here by PQconnectdb()
// CHECK: bound-pointer-config-global.c:[[#DEF+32]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: bound-pointer-config-global.c:[[#DEF+34]]:7: note: 'handle_requests' called from here in the child process
// CHECK: bound-pointer-config-global.c:[[#DEF+25]]:15: note: 'conn' used here in the child process by PQexec()
// CHECK: bound-pointer-config-global.c:[[#DEF]]:16: note: create the handle lazily
