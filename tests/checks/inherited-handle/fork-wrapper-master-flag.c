// A global flag that the fork wrapper clears in the child only
// ('in_master = 0;'), tested later on a path both processes share:
// 'if (in_master) stop_children();'. Every process leaves through
// shutdown_server(); only the master, whose flag is still set, marks the
// children stopped in the database. With BUG the wrapper forgets to clear
// the flag in the child, so a worker that shuts down runs the master's
// cleanup on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static PGconn *conn;
// CHECK: fork-wrapper-master-flag.c:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when the process forks with fork() and is used in the child process
static int in_master = 1;
static pid_t kids[4];
static int nkids;

static pid_t srv_fork(void) {
  pid_t pid = fork();
  if (pid == 0) {
#ifndef BUG
    in_master = 0;
#endif
    nkids = 0;
  } else if (pid > 0) {
    kids[nkids++] = pid;
  }
  return pid;
}

static void stop_children(void) {
  for (int i = 0; i < nkids; ++i)
    kill(kids[i], SIGTERM);
  PQclear(PQexec(conn, "UPDATE workers SET state = 'stopped'"));
}

static void shutdown_server(int code) {
  if (in_master)
    stop_children();
  exit(code);
}

static void worker_main(void) {
  for (int n = 0; n < 100; ++n)
    pause();
  shutdown_server(0);
}

int main(void) {
  conn = PQconnectdb("dbname=app");
  for (int i = 0; i < 4; ++i)
    if (srv_fork() == 0)
      worker_main();
  pause();
  shutdown_server(0);
}
// CHECK: fork-wrapper-master-flag.c:[[#DEF+38]]:10: note: 'conn' created here by PQconnectdb()
// CHECK: fork-wrapper-master-flag.c:[[#DEF+40]]:9: note: 'srv_fork' called from here
// CHECK: fork-wrapper-master-flag.c:[[#DEF+7]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: fork-wrapper-master-flag.c:[[#DEF+41]]:7: note: 'worker_main' called from here in the child process
// CHECK: fork-wrapper-master-flag.c:[[#DEF+34]]:3: note: 'shutdown_server' called from here in the child process
// CHECK: fork-wrapper-master-flag.c:[[#DEF+27]]:5: note: 'stop_children' called from here in the child process
// CHECK: fork-wrapper-master-flag.c:[[#DEF+22]]:11: note: 'conn' used here in the child process by PQexec()
// CHECK: fork-wrapper-master-flag.c:[[#DEF]]:16: note: create the handle lazily
