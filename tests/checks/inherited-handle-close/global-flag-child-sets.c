// A flag that each child sets to a constant right after the fork
// ('am_child = 1;'), tested on the exit path every process shares: 'if
// (!am_child) mysql_close(conn);'. The master closes its connection on
// exit; the children leave it alone. With BUG the flag is set only after
// the child's work, and the work can fail and exit early, through the
// shared exit path, with the flag still clear.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: global-flag-child-sets.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]
static int am_child;

static void server_exit(int code) {
  if (!am_child)
    mysql_close(conn);
  exit(code);
}

static void compress_spool(int n) {
  char path[64];
  snprintf(path, sizeof path, "/var/spool/app/%d", n);
  if (access(path, R_OK) != 0)
    server_exit(1);
}

int main(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
#ifndef BUG
      am_child = 1;
#endif
      compress_spool(i);
      am_child = 1;
      server_exit(0);
    }
  mysql_query(conn, "UPDATE spool SET compressing = 4");
  server_exit(0);
}
// CHECK: global-flag-child-sets.c:[[#DEF+19]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: global-flag-child-sets.c:[[#DEF+21]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: global-flag-child-sets.c:[[#DEF+25]]:7: note: 'compress_spool' called from here in the child process
// CHECK: global-flag-child-sets.c:[[#DEF+14]]:5: note: 'server_exit' called from here in the child process
// CHECK: global-flag-child-sets.c:[[#DEF+6]]:5: note: 'conn' closed here in the child process by mysql_close()
// CHECK: global-flag-child-sets.c:[[#DEF]]:15: note: leave the child with _exit()
