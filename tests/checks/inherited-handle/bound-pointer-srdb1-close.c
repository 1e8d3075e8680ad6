// Kamailio: 'if (db_con && dbf.close) { dbf.close(db_con); db_con = NULL; }'
// at the end of mod_init. The srdb1 API table is bound by db_bind_mod(),
// and mod_init fails (Kamailio exits) when binding fails, so 'dbf.close' is
// set on every path that reaches the fork: the connection is closed and
// each worker opens its own in child_init. With BUG the module closes its
// connection only in mod_destroy, at shutdown: the workers inherit it and
// child_init's 'if (!db_con)' keeps the inherited one.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"dialplan", 8};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
// CHECK: bound-pointer-srdb1-close.c:[[#DEF:@LINE-1]]:19: warning: 'db_con' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process
static str q = {"select * from dialplan", 22};

static void close_db(void) {
  if (db_con && dbf.close) {
    dbf.close(db_con);
    db_con = NULL;
  }
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  db_con = dbf.init(&db_url);
  if (!db_con)
    return -1;
  if (db_check_table_version(&dbf, db_con, &table, 2) < 0) {
    close_db();
    return -1;
  }
#ifndef BUG
  close_db();
#endif
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
  if (!db_con)
    db_con = dbf.init(&db_url);
  return db_con ? 0 : -1;
}

static void mod_destroy(void) { close_db(); }

static int w_dp_reload(struct sip_msg *msg, char *p1, char *p2) {
  db1_res_t *res;
  return dbf.raw_query(db_con, &q, &res) < 0 ? -1 : 1;
}

static cmd_export_t cmds[] = {{"dp_reload", (cmd_function)w_dp_reload, 0, 0, 0, 0},
                              {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"dialplan", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0, mod_init, child_init, mod_destroy};
// CHECK: bound-pointer-srdb1-close.c:[[#DEF+14]]:12: note: 'db_con' created here by db_func::init()
// CHECK: bound-pointer-srdb1-close.c:[[#DEF+44]]:81: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: bound-pointer-srdb1-close.c:[[#DEF+42]]:45: note: the cfg function 'w_dp_reload' exported here runs in each SIP worker process
// CHECK: bound-pointer-srdb1-close.c:[[#DEF+39]]:10: note: 'db_con' used here in the child process by db_func::raw_query()
// CHECK: bound-pointer-srdb1-close.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: bound-pointer-srdb1-close.c:[[#DEF+14]]:3: note: move this connect into 'child_init'
