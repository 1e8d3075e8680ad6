// A database API table that the program binds before use, tested before a
// call: 'if (api.disconnect && conn) { api.disconnect(conn); conn = NULL; }'.
// bind_api() stores a function in every field before anything else runs,
// so the test is true on every path that matters and the startup check's
// connection is closed before the fork. The finding must not rest on the
// assumption that a bound pointer is null. With BUG the check tests the
// 'release' field, which the PostgreSQL binding never sets: the connection
// stays open and the workers query it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stddef.h>
#include <sys/wait.h>
#include <unistd.h>

struct db_api {
  PGresult *(*query)(PGconn *c, const char *sql);
  void (*disconnect)(PGconn *c);
  void (*release)(PGconn *c); /* pooled backends only */
};

static PGresult *pg_query(PGconn *c, const char *sql) { return PQexec(c, sql); }
static void pg_disconnect(PGconn *c) { PQfinish(c); }

static struct db_api api;
static PGconn *conn;
// CHECK: bound-pointer-api-disconnect.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static void bind_api(struct db_api *a) {
  a->query = pg_query;
  a->disconnect = pg_disconnect;
}

static void check_db(void) {
  conn = PQconnectdb("dbname=app");
  PQclear(api.query(conn, "SELECT 1"));
#ifdef BUG
  if (api.release && conn) {
    api.release(conn);
#else
  if (api.disconnect && conn) {
    api.disconnect(conn);
#endif
    conn = NULL;
  }
}

static void worker(void) {
  if (!conn)
    conn = PQconnectdb("dbname=app");
  PQclear(api.query(conn, "SELECT take_job()"));
}

int main(void) {
  bind_api(&api);
  check_db();
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker();
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  return 0;
}
// CHECK: bound-pointer-api-disconnect.c:[[#DEF+9]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: bound-pointer-api-disconnect.c:[[#DEF+32]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: bound-pointer-api-disconnect.c:[[#DEF+33]]:7: note: 'worker' called from here in the child process
// CHECK: bound-pointer-api-disconnect.c:[[#DEF+25]]:11: note: 'function pointer' called from here in the child process
// CHECK: bound-pointer-api-disconnect.c:[[#DEF-4]]:64: note: 'conn' used here in the child process by PQexec()
// CHECK: bound-pointer-api-disconnect.c:[[#DEF]]:16: note: create the handle lazily
