// Start-up code that runs before the handle exists, and that the program
// calls from one place only, is followed: what it stores decides later
// branches. Here load_defaults() says the workers answer from their cache,
// so the child never queries the inherited connection; before, every callee
// that could not create the handle was taken as unknown code writing its
// globals, and the child "may" have queried. Correct program: silent.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// With WORKERS_QUERY the defaults send the workers to the database: the
// child queries the parent's connection: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DWORKERS_QUERY | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: startup-setter-called-once.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static int workers_use_cache;
static int nworkers;

static void load_defaults(void) {
#ifdef WORKERS_QUERY
  workers_use_cache = 0;
#else
  workers_use_cache = 1;
#endif
  nworkers = 4;
}

static void serve(void) {
  if (!workers_use_cache)
    mysql_query(conn, "SELECT 1");
}

int main(void) {
  load_defaults();
  conn = mysql_init(0);
  mysql_real_connect(conn, "db", "u", "p", "app", 0, 0, 0);
  for (int i = 0; i < nworkers; i++)
    if (fork() == 0) {
      serve();
      _exit(0);
    }
  mysql_query(conn, "SELECT 2");
  return 0;
}
// CHECK: startup-setter-called-once.c:[[#DEF+22]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: startup-setter-called-once.c:[[#DEF+24]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: startup-setter-called-once.c:[[#DEF+25]]:7: note: 'serve' called from here in the child process
// CHECK: startup-setter-called-once.c:[[#DEF+16]]:5: note: 'conn' used here in the child process by mysql_query()
// CHECK: startup-setter-called-once.c:[[#DEF]]:15: note: create the handle lazily in each process
