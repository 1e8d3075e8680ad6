// 'if (!api.connect) return -1;' at the top of the worker's reconnect: the
// API table is bound in main before anything forks, so the early return is
// never taken and every worker replaces the inherited connection with its
// own. A witness that needs 'api.connect' to be null is not a finding.
// With BUG the worker reconnects only 'if (!conn)', which keeps the
// inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <unistd.h>

struct sql_api {
  MYSQL *(*connect)(const char *host);
  int (*query)(MYSQL *m, const char *q);
};

static MYSQL *my_connect(const char *host) {
  MYSQL *m = mysql_init(NULL);
  return mysql_real_connect(m, host, "app", "pw", "app", 0, NULL, 0);
}
static int my_query(MYSQL *m, const char *q) { return mysql_query(m, q); }

static struct sql_api api;
static MYSQL *conn;
// CHECK: bound-pointer-connect-guard.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static int worker_reconnect(void) {
  if (!api.connect)
    return -1;
#ifdef BUG
  if (!conn)
#endif
    conn = api.connect("db");
  return conn ? 0 : -1;
}

static void worker(int id) {
  if (worker_reconnect() < 0)
    fprintf(stderr, "worker %d: running without the database\n", id);
  if (conn)
    mysql_query(conn, "SELECT take_job()");
}

int main(void) {
  api.connect = my_connect;
  api.query = my_query;
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
  api.query(conn, "UPDATE jobs SET owner = NULL");
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      worker(i);
      _exit(0);
    }
  api.query(conn, "UPDATE stats SET workers = 4");
  return 0;
}
// CHECK: bound-pointer-connect-guard.c:[[#DEF+24]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: bound-pointer-connect-guard.c:[[#DEF+27]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: bound-pointer-connect-guard.c:[[#DEF+28]]:7: note: 'worker' called from here in the child process
// CHECK: bound-pointer-connect-guard.c:[[#DEF+17]]:5: note: 'conn' used here in the child process by mysql_query()
// CHECK: bound-pointer-connect-guard.c:[[#DEF]]:15: note: create the handle lazily
