// The parent leaves the loop body early with 'continue'; the code after it
// runs only in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <sys/types.h>
#include <unistd.h>

static MYSQL *db;
// CHECK: child-branch-parent-continue.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API)

int main(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: child-branch-parent-continue.c:[[#@LINE-1]]:3: note: 'db' connected here by mysql_real_connect()
  for (int i = 0; i < 8; ++i) {
    pid_t pid = fork();
    // CHECK: child-branch-parent-continue.c:[[#@LINE-1]]:17: note: fork() forks here; the child inherits 'db'
    if (pid != 0)
      continue;
#ifdef FIXED
    db = mysql_init(NULL);
    mysql_real_connect(db, "h", "u", "p", "d", 0, NULL, 0);
#endif
    mysql_query(db, "SELECT 1");
    // CHECK: child-branch-parent-continue.c:[[#@LINE-1]]:5: note: 'db' used here in the child process by mysql_query()
    _exit(0);
  }
  return 0;
}
// CHECK: child-branch-parent-continue.c:[[#DEF]]:15: note: create the handle lazily
