// OpenSIPS 3.x: a module process's post_fork_function runs in the attendant
// after that process is forked, but before the timer processes and the SIP
// workers are; a connection it makes is inherited by them. Timer functions
// (register_timer: the function is argument 1, after the label) run in the
// timer processes. The fix: the timer connects lazily in its own process.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips -DFIXED | count 0
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>

static PGconn *stats_db;
// CHECK: opensips-timer.c:[[#DEF:@LINE-1]]:16: warning: 'stats_db' (PostgreSQL libpq) is connected when OpenSIPS forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void stats_timer(unsigned int ticks, void *param) {
#ifdef FIXED
  if (stats_db == NULL)
    stats_db = PQconnectdb("dbname=stats");
#endif
  PQexec(stats_db, "UPDATE stats SET ticks = ticks + 1");
}

static int mod_init(void) {
  return register_timer("stats", stats_timer, NULL, 10, 0);
}

static void collector_main(int rank) {
  for (;;)
    ;
}

static int collector_post_fork(void) {
#ifndef FIXED
  stats_db = PQconnectdb("dbname=stats");
#endif
  return 0;
}

static const proc_export_t procs[] = {
    {"collector", 0, collector_post_fork, collector_main, 1, 0},
    {0, 0, 0, 0, 0, 0}};

struct module_exports exports = {
    "stats", MOD_TYPE_DEFAULT, MODULE_VERSION, DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
    0, 0, 0, 0, procs, 0, mod_init, 0, 0, 0, 0};
// CHECK: opensips-timer.c:[[#DEF+22]]:14: note: 'stats_db' created here by PQconnectdb()
// CHECK: opensips-timer.c:[[#DEF+28]]:22: note: OpenSIPS runs 'collector_post_fork' (a module process's post_fork_function) in the attendant process, which then forks the SIP workers and timer processes
// CHECK: opensips-timer.c:[[#DEF+12]]:34: note: the timer function 'stats_timer' registered here runs in OpenSIPS's timer processes
// CHECK: opensips-timer.c:[[#DEF+8]]:3: note: 'stats_db' used here in the child process by PQexec()
// CHECK: opensips-timer.c:[[#DEF]]:16: note: connect in child_init
// CHECK: opensips-timer.c:[[#DEF+22]]:3: note: move this connect into a post-fork hook, the 'init_child_f' field of module_exports
