// Kamailio calls child_init in the main process too (rank PROC_INIT, then
// PROC_MAIN) before forking: a lazy connect there without the rank test
// opens the connection in the main process, and the workers, finding it
// set, use the inherited one. The usual rank test makes the body
// worker-only.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>

static PGconn *db_handle;
// CHECK: kamailio-rank-guard.c:[[#DEF:@LINE-1]]:16: warning: 'db_handle' (PostgreSQL libpq) is connected when Kamailio forks its worker processes and is used in the child process

static int child_init(int rank) {
#ifdef FIXED
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0; /* only SIP workers connect */
#endif
  if (db_handle == NULL)
    db_handle = PQconnectdb("dbname=kamailio");
    // CHECK: kamailio-rank-guard.c:[[#@LINE-1]]:17: note: 'db_handle' created here by PQconnectdb()
  return 0;
}

static int w_lookup(struct sip_msg *msg, char *p1, char *p2) {
  PQexec(db_handle, "SELECT contact FROM location");
  return 1;
}

static cmd_export_t cmds[] = {
    {"lookup", (cmd_function)w_lookup, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0}};

struct module_exports exports = {
    "lookupdb", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0,
    0,          /* module init */
    child_init, /* per-child init */
    // CHECK: kamailio-rank-guard.c:[[#@LINE-1]]:5: note: Kamailio also calls 'child_init' in the master process before it forks (with -127)
    0};
// CHECK: kamailio-rank-guard.c:[[#DEF+20]]:16: note: the cfg function 'w_lookup' exported here runs in each SIP worker process
// CHECK: kamailio-rank-guard.c:[[#DEF+15]]:3: note: 'db_handle' used here in the child process by PQexec()
// CHECK: kamailio-rank-guard.c:[[#DEF]]:16: note: connect in child_init behind the rank test
