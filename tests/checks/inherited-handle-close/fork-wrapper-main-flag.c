// Kamailio-style 'is_main': the fork wrapper clears the flag in the child
// only, and the exit path that every process takes closes the database
// only 'if (is_main)'. A worker that exits therefore leaves the master's
// connection alone. With BUG the wrapper never clears the flag in the
// child: a worker's exit runs PQfinish() on the inherited connection and
// ends the master's session.
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <libpq-fe.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static PGconn *pg;
// CHECK: fork-wrapper-main-flag.c:[[#DEF:@LINE-1]]:16: warning: 'pg' (PostgreSQL libpq) is inherited by a child process and closed there: sends Terminate ('X') on the shared socket (and a TLS close_notify): the server ends the parent's session [forksafe-inherited-handle-close]
static int is_main = 1;
static int process_no;

static pid_t fork_process(int child_id, const char *desc) {
  pid_t pid = fork();
  if (pid == 0) {
#ifndef BUG
    is_main = 0;
#endif
    process_no = child_id;
  }
  (void)desc;
  return pid;
}

static void destroy_and_exit(int code) {
  if (is_main && pg) {
    PQfinish(pg);
    pg = NULL;
  }
  exit(code);
}

static void udp_rcv_loop(void) {
  for (int i = 0; i < 1000; ++i)
    usleep(1000);
  destroy_and_exit(0);
}

int main(void) {
  pg = PQconnectdb("dbname=sip");
  for (int i = 1; i <= 4; ++i) {
    pid_t pid = fork_process(i, "udp receiver");
    if (pid < 0)
      destroy_and_exit(1);
    if (pid == 0)
      udp_rcv_loop();
  }
  PQclear(PQexec(pg, "UPDATE servers SET up = true"));
  pause();
  destroy_and_exit(0);
}
// CHECK: fork-wrapper-main-flag.c:[[#DEF+32]]:8: note: 'pg' created here by PQconnectdb()
// CHECK: fork-wrapper-main-flag.c:[[#DEF+34]]:17: note: 'fork_process' called from here
// CHECK: fork-wrapper-main-flag.c:[[#DEF+6]]:15: note: fork() forks here; the child inherits 'pg'
// CHECK: fork-wrapper-main-flag.c:[[#DEF+38]]:7: note: 'udp_rcv_loop' called from here in the child process
// CHECK: fork-wrapper-main-flag.c:[[#DEF+28]]:3: note: 'destroy_and_exit' called from here in the child process
// CHECK: fork-wrapper-main-flag.c:[[#DEF+19]]:5: note: 'pg' closed here in the child process by PQfinish()
// CHECK: fork-wrapper-main-flag.c:[[#DEF]]:16: note: leave the child with _exit()
