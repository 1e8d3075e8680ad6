// Kamailio: a module forks its own timer process with fork_basic_timer()
// from child_init(PROC_MAIN), in the main process; that process runs
// child_init(PROC_TIMER), then the timer function. A connection made in
// child_init before the rank test (which the main process runs with
// PROC_INIT before) is inherited by it. The fix: the timer function
// connects in its own process.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <kamailio-core.h>
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>

static PGconn *acc_db;
// CHECK: kamailio-fork-timer.c:[[#DEF:@LINE-1]]:16: warning: 'acc_db' (PostgreSQL libpq) is connected when fork_basic_timer() forks a process for 'acc_flush' and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void acc_flush(unsigned int ticks, void *param) {
  if (acc_db == NULL)
    acc_db = PQconnectdb("dbname=acc");
  PQexec(acc_db, "DELETE FROM acc_cache");
}

static int child_init(int rank) {
#ifndef FIXED
  if (acc_db == NULL)
    acc_db = PQconnectdb("dbname=acc");
  // CHECK: kamailio-fork-timer.c:[[#@LINE-1]]:14: note: 'acc_db' created here by PQconnectdb()
#endif
  if (rank == PROC_MAIN)
    return fork_basic_timer(PROC_TIMER, "acc flush", 1, acc_flush, NULL, 10) < 0
               ? -1
               : 0;
  return 0;
}

struct module_exports exports = {"acc_cache", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 0, child_init, 0};
// CHECK: kamailio-fork-timer.c:[[#@LINE-1]]:37: note: Kamailio also calls 'child_init' in the master process before it forks (with 0)
// CHECK: kamailio-fork-timer.c:[[#DEF+16]]:57: note: the timer function 'acc_flush' runs in the timer process forked here
// CHECK: kamailio-fork-timer.c:[[#DEF+6]]:3: note: 'acc_db' used here in the child process by PQexec()
// CHECK: kamailio-fork-timer.c:[[#DEF]]:16: note: connect in child_init behind the rank test
