// The parent returns early; everything after the test runs in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <sqlite3.h>
#include <unistd.h>

static sqlite3 *store;
// CHECK: child-branch-parent-return.c:[[#DEF:@LINE-1]]:17: warning: 'store' (SQLite) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

static int spawn(void);

int main(void) {
  sqlite3_open("/tmp/app.db", &store);
  // CHECK: child-branch-parent-return.c:[[#@LINE-1]]:3: note: 'store' created here by sqlite3_open()
  return spawn() < 0;
  // CHECK: child-branch-parent-return.c:[[#@LINE-1]]:10: note: 'spawn' called from here
}

static int spawn(void) {
  int pid = fork();
  // CHECK: child-branch-parent-return.c:[[#@LINE-1]]:13: note: fork() forks here; the child inherits 'store'
  if (pid > 0)
    return pid;
#ifdef FIXED
  sqlite3_open("/tmp/app.db", &store);
#endif
  sqlite3_exec(store, "INSERT INTO log VALUES (1)", 0, 0, 0);
  // CHECK: child-branch-parent-return.c:[[#@LINE-1]]:3: note: 'store' used here in the child process by sqlite3_exec()
  _exit(0);
}
// CHECK: child-branch-parent-return.c:[[#DEF]]:17: note: open the database in each process after fork(); in a child, leak the inherited connection instead of calling sqlite3_close() on it
