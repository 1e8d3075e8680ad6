// The server's own fork wrapper, 'static inline pid_t srv_fork(const char *why)',
// logs, forks, resets the child's signal handlers and returns the pid; the
// caller switches on the result. The cleaner child only removes spool files
// and leaves with _exit(); the parent goes on to record the run in the
// database. The child must not be walked down the parent's side after the
// wrapper returns. With BUG the cleaner records its own progress on the
// parent's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

static MYSQL *db;
// CHECK: fork-wrapper-static-inline.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static void reset_signals(void) {
  signal(SIGHUP, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
}

static inline pid_t srv_fork(const char *why) {
  fprintf(stderr, "forking: %s\n", why);
  pid_t p = fork();
  if (p == 0)
    reset_signals();
  return p;
}

static void clean_spool(void) {
  unlink("/var/spool/app/stale.lock");
#ifdef BUG
  mysql_query(db, "UPDATE runs SET state = 'cleaning'");
#endif
}

int main(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "localhost", "app", "secret", "app", 0, NULL, 0);
  switch (srv_fork("spool cleaner")) {
  case -1:
    perror("fork");
    return 1;
  case 0:
    clean_spool();
    _exit(0);
  default:
    break;
  }
  mysql_query(db, "INSERT INTO runs (state) VALUES ('started')");
  mysql_close(db);
  return 0;
}
// CHECK: fork-wrapper-static-inline.c:[[#DEF+26]]:3: note: 'db' connected here by mysql_real_connect()
// CHECK: fork-wrapper-static-inline.c:[[#DEF+27]]:11: note: 'srv_fork' called from here
// CHECK: fork-wrapper-static-inline.c:[[#DEF+11]]:13: note: fork() forks here; the child inherits 'db'
// CHECK: fork-wrapper-static-inline.c:[[#DEF+32]]:5: note: 'clean_spool' called from here in the child process
// CHECK: fork-wrapper-static-inline.c:[[#DEF+20]]:3: note: 'db' used here in the child process by mysql_query()
// CHECK: fork-wrapper-static-inline.c:[[#DEF]]:15: note: create the handle lazily
