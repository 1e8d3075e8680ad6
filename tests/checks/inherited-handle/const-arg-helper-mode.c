// 'run_helper(HELPER_EXIT, cmd)': the helper returns to its caller only in
// HELPER_RETURN mode; in HELPER_EXIT mode it execs the command or _exits. A
// child that calls it in HELPER_EXIT mode never comes back to the parent's
// code after the 'if'. The enum constant bound to 'mode' decides that. With
// BUG the child runs the helper in HELPER_RETURN mode, falls out of the 'if'
// and records the run on the parent's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

enum helper_mode { HELPER_RETURN, HELPER_EXIT };

static MYSQL *db;
// CHECK: const-arg-helper-mode.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

/* Runs 'cmd' with /bin/sh. HELPER_RETURN: wait for it and return its
 * status; HELPER_EXIT: become it (or _exit(127) if exec fails). */
static int run_helper(enum helper_mode mode, const char *cmd) {
  if (mode == HELPER_RETURN)
    return system(cmd);
  execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
  _exit(127);
}

static void notify(const char *cmd) {
  if (fork() == 0) {
    setsid();
#ifdef BUG
    run_helper(HELPER_RETURN, cmd);
#else
    run_helper(HELPER_EXIT, cmd);
#endif
  }
}

int main(int argc, char **argv) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "db", "mta", "pw", "queue", 0, NULL, 0);
  notify(argc > 1 ? argv[1] : "/usr/lib/app/notify-start");
  mysql_query(db, "INSERT INTO runs VALUES (NOW())");
  mysql_close(db);
  return 0;
}
// The child that comes back from notify() uses the connection, then closes
// it.
// CHECK: const-arg-helper-mode.c:[[#DEF+25]]:3: note: 'db' connected here by mysql_real_connect()
// CHECK: const-arg-helper-mode.c:[[#DEF+26]]:3: note: 'notify' called from here
// CHECK: const-arg-helper-mode.c:[[#DEF+13]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: const-arg-helper-mode.c:[[#DEF+27]]:3: note: 'db' used here in the child process by mysql_query()
// CHECK: const-arg-helper-mode.c:[[#DEF]]:15: note: create the handle lazily
// CHECK: const-arg-helper-mode.c:[[#DEF]]:15: warning: 'db' (MySQL/MariaDB C API) is inherited by a child process and closed there
// CHECK: const-arg-helper-mode.c:[[#DEF+25]]:3: note: 'db' connected here by mysql_real_connect()
// CHECK: const-arg-helper-mode.c:[[#DEF+26]]:3: note: 'notify' called from here
// CHECK: const-arg-helper-mode.c:[[#DEF+13]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: const-arg-helper-mode.c:[[#DEF+28]]:3: note: 'db' closed here in the child process by mysql_close()
// CHECK: const-arg-helper-mode.c:[[#DEF]]:15: note: leave the child with _exit()
