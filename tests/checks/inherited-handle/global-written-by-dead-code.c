// A configuration flag written only by a function nothing calls (an unused
// 'static inline' of a header, an API the program does not use) keeps its
// initial value: such a function is not code that may run at any moment.
// The master never connects, so its workers inherit nothing. Silent, with
// the writer external (DEAD) or file-local (STATIC). Reported when main()
// calls the writer (CALLED) or a signal handler, which can run at any
// moment, is the writer (HANDLER, or SIGACTION: its address stored in a
// struct handed to the C library).
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DSTATIC | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DCALLED | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DHANDLER | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DSIGACTION | FileCheck %s --implicit-check-not="{{warning|note}}:"
#define _GNU_SOURCE
#include <mysql.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: global-written-by-dead-code.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static int use_db;

#ifdef STATIC
static
#endif
void enable_db(int Sig) { use_db = 1; }

static void serve(void) { mysql_query(conn, "SELECT 1"); }

int main(void) {
#ifdef CALLED
  enable_db(0);
#endif
#ifdef HANDLER
  signal(SIGHUP, enable_db);
#endif
#ifdef SIGACTION
  struct sigaction sa = {0};
  sa.sa_handler = enable_db;
  sigaction(SIGHUP, &sa, NULL);
#endif
  if (use_db) {
    conn = mysql_init(NULL);
    mysql_real_connect(conn, "h", "u", "p", "d", 0, NULL, 0);
  }
  // CHECK: :[[#@LINE-2]]:5: note: 'conn' connected here by mysql_real_connect()
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      // CHECK: :[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'conn'
      if (use_db)
        serve();
      // CHECK: :[[#@LINE-1]]:9: note: 'serve' called from here in the child process
      _exit(0);
    }
  return 0;
}
// CHECK: global-written-by-dead-code.c:[[#DEF+9]]:27: note: 'conn' used here in the child process by mysql_query()
// CHECK: note: create the handle lazily
