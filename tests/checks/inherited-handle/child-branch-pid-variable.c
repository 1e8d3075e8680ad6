// Child branch recognised in 'pid_t p = fork(); if (p == 0)'.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <sys/types.h>
#include <unistd.h>

MYSQL *g_db;
// CHECK: child-branch-pid-variable.c:[[#DEF:@LINE-1]]:8: warning: 'g_db' (MySQL/MariaDB C API)

int main(void) {
  g_db = mysql_real_connect(mysql_init(NULL), "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: child-branch-pid-variable.c:[[#@LINE-1]]:10: note: 'g_db' created here by mysql_real_connect()
  pid_t p = fork();
  // CHECK: child-branch-pid-variable.c:[[#@LINE-1]]:13: note: fork() forks here; the child inherits 'g_db'
  if (p == 0) {
#ifndef FIXED
    mysql_query(g_db, "UPDATE t SET n = n + 1");
    // CHECK: child-branch-pid-variable.c:[[#@LINE-1]]:5: note: 'g_db' used here in the child process by mysql_query()
#endif
    _exit(0);
  }
  mysql_query(g_db, "SELECT 1");
  return 0;
}
// CHECK: child-branch-pid-variable.c:[[#DEF]]:8: note: create the handle lazily
