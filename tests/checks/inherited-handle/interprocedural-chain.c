// main -> init_db() -> connect, then spawn_workers() -> fork() -> worker()
// -> handle_request() -> use: every call on the way is a note.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <sys/wait.h>
#include <unistd.h>

static MYSQL *db;
// CHECK: interprocedural-chain.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void init_db(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: interprocedural-chain.c:[[#@LINE-1]]:3: note: 'db' connected here by mysql_real_connect()
}

static void spawn_workers(int n);

int main(void) {
#ifndef FIXED
  init_db();
#endif
  spawn_workers(4);
  // CHECK: interprocedural-chain.c:[[#@LINE-1]]:3: note: 'spawn_workers' called from here
  while (wait(NULL) > 0) {
  }
  return 0;
}

static void worker(void);

static void spawn_workers(int n) {
  for (int i = 0; i < n; ++i)
    if (fork() == 0) {
      // CHECK: interprocedural-chain.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'db'
      worker();
      // CHECK: interprocedural-chain.c:[[#@LINE-1]]:7: note: 'worker' called from here in the child process
      _exit(0);
    }
}

static void handle_request(int id);

static void worker(void) {
#ifdef FIXED
  init_db(); /* each worker connects for itself */
#endif
  for (int id = 0; id < 100; ++id)
    handle_request(id);
    // CHECK: interprocedural-chain.c:[[#@LINE-1]]:5: note: 'handle_request' called from here in the child process
}

static void handle_request(int id) {
  mysql_query(db, "SELECT * FROM items WHERE id = 1");
  // CHECK: interprocedural-chain.c:[[#@LINE-1]]:3: note: 'db' used here in the child process by mysql_query()
  (void)id;
}
// CHECK: interprocedural-chain.c:[[#DEF]]:15: note: create the handle lazily
