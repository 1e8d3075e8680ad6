// Kamailio: mod_init delegates to a helper and fails when it does:
// 'if (open_and_check_schema() != 0) return -1;'. The helper returns -1,
// with the connection still open, only when the table version is wrong;
// then mod_init fails and Kamailio exits before it forks anything. On
// success the helper closes the connection. The framework's rule "a failing
// mod_init stops the server" must apply to the value the helper returned.
// With BUG the helper's success path keeps the connection, which the
// workers' cfg function then uses.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str version_table = {"acc", 3};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
// CHECK: return-value-mod-init-helper.c:[[#DEF:@LINE-1]]:19: warning: 'db_con' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process
static str q = {"select 1", 8};

static int open_and_check_schema(void) {
  db_con = dbf.init(&db_url);
  if (!db_con)
    return -1;
  if (db_check_table_version(&dbf, db_con, &version_table, 7) < 0)
    return -1; /* mod_init fails: Kamailio exits */
#ifndef BUG
  dbf.close(db_con);
  db_con = NULL;
#endif
  return 0;
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  if (open_and_check_schema() != 0)
    return -1;
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
  if (!db_con)
    db_con = dbf.init(&db_url);
  return db_con ? 0 : -1;
}

static int w_acc(struct sip_msg *msg, char *p1, char *p2) {
  db1_res_t *res;
  return dbf.raw_query(db_con, &q, &res) < 0 ? -1 : 1;
}

static cmd_export_t cmds[] = {{"acc_check", (cmd_function)w_acc, 0, 0, 0, 0},
                              {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"acc", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0, mod_init, child_init, 0};
// CHECK: return-value-mod-init-helper.c:[[#DEF+5]]:12: note: 'db_con' created here by db_func::init()
// CHECK: return-value-mod-init-helper.c:[[#DEF+40]]:76: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: return-value-mod-init-helper.c:[[#DEF+38]]:45: note: the cfg function 'w_acc' exported here runs in each SIP worker process
// CHECK: return-value-mod-init-helper.c:[[#DEF+35]]:10: note: 'db_con' used here in the child process by db_func::raw_query()
// CHECK: return-value-mod-init-helper.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: return-value-mod-init-helper.c:[[#DEF+20]]:3: note: move this connect into 'child_init'
