// Kamailio: fork_basic_timer() forks the timer process there and then, so
// that process inherits what the main process holds at that call, not what
// it connects afterwards. Here (p_usrloc's pattern) child_init(PROC_INIT)
// forks the watch timer, and every later child_init, the main process'
// child_init(PROC_MAIN) and the timer process' own child_init(PROC_TIMER)
// included, connects if it has no connection yet. The timer process is
// forked before the main process connects: it connects for itself. Silent.
// (The timer used to run after all of the main process' hooks, inheriting
// the connection child_init(PROC_MAIN) makes, so child_init(PROC_TIMER)
// "kept" it.)
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// With CONNECT_IN_MOD_INIT mod_init connects first: the timer process
// inherits that connection at the fork, its child_init keeps it, and the
// timer function queries on it: reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DCONNECT_IN_MOD_INIT | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <kamailio-core.h>
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>

static PGconn *watch_db;
// CHECK: kamailio-fork-timer-before-connect.c:[[#DEF:@LINE-1]]:16: warning: 'watch_db' (PostgreSQL libpq) is connected when fork_basic_timer() forks a process for 'check_dbs' and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void check_dbs(unsigned int ticks, void *param) {
  PQexec(watch_db, "SELECT status FROM locdb");
}

static int mod_init(void) {
#ifdef CONNECT_IN_MOD_INIT
  watch_db = PQconnectdb("dbname=locdb");
  // CHECK: kamailio-fork-timer-before-connect.c:[[#@LINE-1]]:14: note: 'watch_db' created here by PQconnectdb()
#endif
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT)
    return fork_basic_timer(PROC_TIMER, "ul watch", 1, check_dbs, NULL, 10) <
                   0
               ? -1
               : 0;
  if (watch_db == NULL)
    watch_db = PQconnectdb("dbname=locdb");
  return 0;
}

struct module_exports exports = {"p_usrloc", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-fork-timer-before-connect.c:[[#@LINE-1]]:44: note: Kamailio also calls 'child_init' in the master process before it forks (with -127)
// CHECK: kamailio-fork-timer-before-connect.c:[[#DEF+17]]:56: note: the timer function 'check_dbs' runs in the timer process forked here
// CHECK: kamailio-fork-timer-before-connect.c:[[#DEF+4]]:3: note: 'watch_db' used here in the child process by PQexec()
// CHECK: kamailio-fork-timer-before-connect.c:[[#DEF]]:16: note: connect in child_init behind the rank test
