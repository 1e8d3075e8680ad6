// A relational rank test: 'if (rank > 0)' keeps the connect out of
// child_init(PROC_INIT = -127) and child_init(PROC_MAIN = 0), which Kamailio
// runs in the main process. The condition only compares with constants, so
// -127 behaves like every value below them. With BUG ('rank < 0') the main
// process connects with -127 and the workers inherit the connection.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>

static PGconn *db_handle;
// CHECK: kamailio-rank-relational.c:[[#DEF:@LINE-1]]:16: warning: 'db_handle' (PostgreSQL libpq) is connected when Kamailio forks its worker processes and is used in the child process

static int child_init(int rank) {
#ifdef BUG
  if (rank < 0)
#else
  if (rank > 0)
#endif
    if (db_handle == NULL) /* lazy: a worker keeps what it has */
      db_handle = PQconnectdb("dbname=kamailio");
      // CHECK: kamailio-rank-relational.c:[[#@LINE-1]]:19: note: 'db_handle' created here by PQconnectdb()
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
    // CHECK: kamailio-rank-relational.c:[[#@LINE-1]]:5: note: Kamailio also calls 'child_init' in the master process before it forks (with -127)
    0};
// CHECK: kamailio-rank-relational.c:[[#DEF+21]]:16: note: the cfg function 'w_lookup' exported here runs in each SIP worker process
// CHECK: kamailio-rank-relational.c:[[#DEF+16]]:3: note: 'db_handle' used here in the child process by PQexec()
// CHECK: kamailio-rank-relational.c:[[#DEF]]:16: note: connect in child_init behind the rank test
