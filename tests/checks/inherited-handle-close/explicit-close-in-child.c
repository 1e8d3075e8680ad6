// The child "cleans up" the inherited connection: mysql_close sends COM_QUIT
// and the server ends the parent's session. The twin leaves with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: explicit-close-in-child.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]

int main(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: explicit-close-in-child.c:[[#@LINE-1]]:3: note: 'conn' connected here by mysql_real_connect()
  if (fork() == 0) {
    // CHECK: explicit-close-in-child.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifndef FIXED
    mysql_close(conn);
    // CHECK: explicit-close-in-child.c:[[#@LINE-1]]:5: note: 'conn' closed here in the child process by mysql_close()
#endif
    _exit(0);
  }
  mysql_query(conn, "SELECT 1");
  return 0;
}
// CHECK: explicit-close-in-child.c:[[#DEF]]:15: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
