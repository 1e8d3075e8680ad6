// The bug as reported: a global MYSQL connection opened in main, then four
// forked workers query through it.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: seed.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void worker(int id);

int main(void) {
  conn = mysql_init(NULL);
  if (!mysql_real_connect(conn, "localhost", "u", "p", "db", 0, NULL, 0))
    // CHECK: seed.c:[[#@LINE-1]]:8: note: 'conn' connected here by mysql_real_connect()
    return 1;
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      // CHECK: seed.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'conn'
      worker(i);
      // CHECK: seed.c:[[#@LINE-1]]:7: note: 'worker' called from here in the child process
      _exit(0);
    }
  }
  while (wait(NULL) > 0) {
  }
  mysql_close(conn);
  return 0;
}

static void worker(int id) {
  for (int q = 0; q < 500; ++q)
    mysql_query(conn, "SELECT id FROM items WHERE id BETWEEN 1 AND 10");
    // CHECK: seed.c:[[#@LINE-1]]:5: note: 'conn' used here in the child process by mysql_query()
  (void)id;
}
// CHECK: seed.c:[[#DEF]]:15: note: create the handle lazily in each process, or reconnect after fork (in a pthread_atfork child handler or the framework's post-fork hook); do not close the inherited handle in the child
