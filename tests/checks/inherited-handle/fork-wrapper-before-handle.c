// A prefork loop whose workers and master share one loop, told apart by
// what the fork wrapper returned (courier-authlib's authdaemond:
// 'do_child = startchildren(...)'). Workers listen and connect lazily; the
// master only restarts the workers. The wrapper runs before any process
// holds the connection, and which process returns from it still matters:
// a worker is a child, 1, and the master 0, so the master never listens
// and never connects before it forks the next workers. Silent. With
// MASTER_LISTENS the master serves too and hands its connection to the
// workers it forks on a restart.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DMASTER_LISTENS | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stddef.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: fork-wrapper-before-handle.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
extern int log_level; /* from the configuration */
extern int restart_requested(void);

static void serve(void) {
  if (!conn) {
    conn = mysql_init(NULL);
    mysql_real_connect(conn, "db", "u", "p", "auth", 0, NULL, 0);
  }
  mysql_query(conn, "SELECT 1");
}

static int start_workers(int n) {
  for (int i = 0; i < n; i++)
    if (fork() == 0)
      return 1;
  return 0;
}

int main(void) {
  int verbosity;
  switch (log_level) {
  case 0: verbosity = 0; break;
  case 1: verbosity = 1; break;
  case 2: verbosity = 2; break;
  case 3: verbosity = 3; break;
  default: verbosity = 4; break;
  }
  int is_worker = start_workers(4);
#ifdef MASTER_LISTENS
  int listening = 1;
#else
  int listening = is_worker;
#endif
  for (;;) {
    if (verbosity > 2)
      sleep(1);
    if (restart_requested()) {
      if (is_worker)
        return 0;
      is_worker = start_workers(4);
      listening = is_worker;
      continue;
    }
    if (listening)
      serve();
  }
}
// CHECK: fork-wrapper-before-handle.c:[[#DEF+8]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: fork-wrapper-before-handle.c:[[#DEF+41]]:19: note: 'start_workers' called from here
// CHECK: fork-wrapper-before-handle.c:[[#DEF+15]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: fork-wrapper-before-handle.c:[[#DEF+46]]:7: note: 'serve' called from here in the child process
// CHECK: fork-wrapper-before-handle.c:[[#DEF+10]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: fork-wrapper-before-handle.c:[[#DEF]]:15: note: create the handle lazily
