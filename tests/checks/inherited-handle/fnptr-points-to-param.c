// A call through a parameter reaches what the callers pass for it, not
// every address-taken function of its type. start_proc() forks and runs
// 'main_f(rank)' in the child; main passes timer_main, which does not touch
// the connection. master_report has the same type and queries the
// connection, but it is only stored in 'on_child_exit', which only the
// master calls. With BUG main starts the stats process, whose main function
// queries the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

typedef void (*proc_main_f)(int rank);

static PGconn *conn;
// CHECK: fnptr-points-to-param.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process

static pid_t start_proc(int rank, const char *desc, proc_main_f main_f) {
  pid_t pid = fork();
  if (pid == 0) {
    main_f(rank);
    _exit(0);
  }
  if (pid < 0)
    fprintf(stderr, "cannot start %s\n", desc);
  return pid;
}

static void timer_main(int rank) {
  for (int i = 0; i < 60; ++i)
    sleep(rank);
}

static void stats_main(int rank) {
  char q[64];
  snprintf(q, sizeof q, "SELECT collect_stats(%d)", rank);
  PQclear(PQexec(conn, q));
}

static void master_report(int rank) {
  char q[64];
  snprintf(q, sizeof q, "UPDATE procs SET alive = false WHERE rank = %d", rank);
  PQclear(PQexec(conn, q));
}
static void (*on_child_exit)(int rank) = master_report;

int main(void) {
  conn = PQconnectdb("dbname=app");
#ifdef BUG
  start_proc(1, "stats", stats_main);
#else
  start_proc(1, "timer", timer_main);
#endif
  while (wait(NULL) > 0)
    on_child_exit(1);
  PQfinish(conn);
  return 0;
}
// CHECK: fnptr-points-to-param.c:[[#DEF+33]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: fnptr-points-to-param.c:[[#DEF+35]]:3: note: 'start_proc' called from here
// CHECK: fnptr-points-to-param.c:[[#DEF+4]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: fnptr-points-to-param.c:[[#DEF+6]]:5: note: 'main_f' called from here in the child process
// CHECK: fnptr-points-to-param.c:[[#DEF+22]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: fnptr-points-to-param.c:[[#DEF]]:16: note: create the handle lazily
