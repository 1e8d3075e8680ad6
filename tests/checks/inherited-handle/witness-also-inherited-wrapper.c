// One handle inherited by three children that a fork wrapper creates
// ('spawn("cleaner")': every child comes from the same fork() inside it).
// The other children are named at the wrapper's call sites, where they are
// created, not at the fork() they share with the reported witness (which
// named none of them). Without BUG a pthread_atfork child handler
// reconnects in every child: nothing to report.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: witness-also-inherited-wrapper.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static void db_connect(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
}

static pid_t spawn(const char *purpose) {
  pid_t pid = fork();
  if (pid == 0)
    fprintf(stderr, "%s started\n", purpose);
  return pid;
}

static void run_cleaner(void) { mysql_query(conn, "DELETE FROM tmp"); }

static void run_reaper(void) { mysql_query(conn, "DELETE FROM sessions WHERE expired"); }

int main(void) {
  db_connect();
#ifndef BUG
  pthread_atfork(NULL, NULL, db_connect);
#endif
  if (spawn("cleaner") == 0) {
    run_cleaner();
    _exit(0);
  }
  if (spawn("status") == 0) {
    mysql_query(conn, "UPDATE status SET up = 1");
    _exit(0);
  }
  if (spawn("reaper") == 0) {
    run_reaper();
    _exit(0);
  }
  mysql_query(conn, "UPDATE status SET children = 3");
  return 0;
}
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+5]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+28]]:7: note: 'spawn' called from here
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+9]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+29]]:5: note: 'conn' used here in the child process by mysql_query()
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+24]]:7: note: 'conn' is also inherited by the child created here
// CHECK: witness-also-inherited-wrapper.c:[[#DEF+32]]:7: note: 'conn' is also inherited by the child created here
// CHECK: witness-also-inherited-wrapper.c:[[#DEF]]:15: note: create the handle lazily
