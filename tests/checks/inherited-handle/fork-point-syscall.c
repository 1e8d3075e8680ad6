// syscall(SYS_fork) is a fork; syscall(SYS_getpid) is not.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#define _GNU_SOURCE
#include <mysql.h>
#include <sys/syscall.h>
#include <unistd.h>

MYSQL *conn;
// CHECK: fork-point-syscall.c:[[#DEF:@LINE-1]]:8: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with syscall(SYS_fork)

int main(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: fork-point-syscall.c:[[#@LINE-1]]:3: note: 'conn' connected here by mysql_real_connect()
#ifdef FIXED
  if (syscall(SYS_getpid) == 0) {
#else
  if (syscall(SYS_fork) == 0) {
    // CHECK: fork-point-syscall.c:[[#@LINE-1]]:7: note: syscall(SYS_fork) forks here; the child inherits 'conn'
#endif
    mysql_query(conn, "SELECT 1");
    // CHECK: fork-point-syscall.c:[[#@LINE-1]]:5: note: 'conn' used here in the child process by mysql_query()
    _exit(0);
  }
  return 0;
}
// CHECK: fork-point-syscall.c:[[#DEF]]:8: note: create the handle lazily
