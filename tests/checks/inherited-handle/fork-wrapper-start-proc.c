// A fork wrapper that returns the pid, as Kamailio's fork_process() does:
// 'pid = start_proc(rank, "desc")', then the caller branches on the value.
// The child runs the timer loop, which never touches 'conn', and never comes
// back; only the parent carries on to the keepalive query. The fork result
// must flow out of start_proc through its return value (no ExtraForkFunctions
// configuration). With BUG the timer loop queries the parent's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: fork-wrapper-start-proc.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static int process_no;
static pid_t pt[16];

/* The child's pid in the parent, 0 in the child, -1 on error. */
static int start_proc(int rank, const char *desc) {
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "cannot fork %s\n", desc);
    return -1;
  }
  if (pid == 0) {
    process_no = rank;
    signal(SIGTERM, SIG_DFL);
  } else {
    pt[rank] = pid;
  }
  return pid;
}

static void timer_loop(void) {
  for (;;) {
#ifdef BUG
    PQclear(PQexec(conn, "DELETE FROM location WHERE expires < now()"));
#endif
    sleep(1);
  }
}

int main(void) {
  conn = PQconnectdb("dbname=registrar");
  int pid = start_proc(1, "timer");
  if (pid < 0)
    return 1;
  if (pid == 0) {
    timer_loop();
    exit(0);
  }
  for (;;) {
    PQclear(PQexec(conn, "SELECT 1")); /* the master's keepalive */
    pause();
  }
}
// CHECK: fork-wrapper-start-proc.c:[[#DEF+31]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: fork-wrapper-start-proc.c:[[#DEF+32]]:13: note: 'start_proc' called from here
// CHECK: fork-wrapper-start-proc.c:[[#DEF+7]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: fork-wrapper-start-proc.c:[[#DEF+36]]:5: note: 'timer_loop' called from here in the child process
// CHECK: fork-wrapper-start-proc.c:[[#DEF+24]]:13: note: 'conn' used here in the child process by PQexec()
// CHECK: fork-wrapper-start-proc.c:[[#DEF]]:16: note: create the handle lazily
