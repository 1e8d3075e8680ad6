// A wrapper that returns the pid ('pid = start_proc(rank, "desc")'): the
// child runs its job and leaves with _exit(), and only the parent reaches
// the cleanup at the end of main that closes the connection. Today the
// child is walked down the parent's path after the wrapper returns and
// "closes" the handle it never reaches. With BUG the child's branch ends with
// 'break' instead of _exit(): it falls out of the loop into the parent's
// cleanup and sends COM_QUIT on the parent's session.
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]

static pid_t start_proc(int rank, const char *desc) {
  pid_t pid = fork();
  if (pid < 0)
    fprintf(stderr, "rank %d: cannot fork %s\n", rank, desc);
  return pid;
}

static void run_job(int rank) {
  char path[64];
  snprintf(path, sizeof path, "/var/spool/jobs/%d", rank);
  unlink(path);
}

int main(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "jobs", "pw", "jobs", 0, NULL, 0);
  mysql_query(conn, "UPDATE queue SET taken = 0");
  for (int rank = 1; rank <= 4; ++rank) {
    pid_t pid = start_proc(rank, "job runner");
    if (pid < 0)
      break;
    if (pid == 0) {
      run_job(rank);
#ifdef BUG
      break;
#else
      _exit(0);
#endif
    }
  }
  while (wait(NULL) > 0) {
  }
  mysql_close(conn);
  return 0;
}
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF+18]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF+21]]:17: note: 'start_proc' called from here
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF+4]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF+35]]:3: note: 'conn' closed here in the child process by mysql_close()
// CHECK: fork-wrapper-parent-cleanup.c:[[#DEF]]:15: note: leave the child with _exit()
