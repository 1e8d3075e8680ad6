// A local variable that lives across a fork in one function.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <sqlite3.h>
#include <unistd.h>

int main(void) {
  sqlite3 *db;
  // CHECK: scope-local-variable.c:[[#DEF:@LINE-1]]:12: warning: 'db' (SQLite) is open when the process forks
#ifndef FIXED
  sqlite3_open("/tmp/jobs.db", &db);
  // CHECK: scope-local-variable.c:[[#@LINE-1]]:3: note: 'db' created here by sqlite3_open()
#endif
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      // CHECK: scope-local-variable.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
      sqlite3_open("/tmp/jobs.db", &db);
#endif
      sqlite3_exec(db, "UPDATE jobs SET state = 1", 0, 0, 0);
      // CHECK: scope-local-variable.c:[[#@LINE-1]]:7: note: 'db' used here in the child process by sqlite3_exec()
      _exit(0);
    }
  }
  return 0;
}
// CHECK: scope-local-variable.c:[[#DEF]]:12: note: open the database in each process after fork()
