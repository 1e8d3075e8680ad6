// Kamailio's srdb1 API (rules/kamailio-srdb1.json): calls through the
// db_func_t fields, 'dbf.init(&url)' is 'db_func::init'. A connection opened
// in mod_init and kept is shared by every SIP worker (userblocklist's
// userblocklist_db_init never closes it); the fix is the devel guide's:
// close it in mod_init, open it in child_init behind the rank test.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/frameworks -DFIXED | count 0
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"userblocklist", 13};
static db_func_t dbf;
static db1_con_t *dbh;
// CHECK: kamailio-srdb1.c:[[#DEF:@LINE-1]]:19: warning: 'dbh' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  dbh = dbf.init(&db_url);
  // CHECK: kamailio-srdb1.c:[[#@LINE-1]]:9: note: 'dbh' created here by db_func::init()
  db_check_table_version(&dbf, dbh, &table, 1);
#ifdef FIXED
  dbf.close(dbh);
  dbh = NULL;
#endif
  return 0;
}

#ifdef FIXED
static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
  dbh = dbf.init(&db_url);
  return 0;
}
#else
#define child_init 0
#endif

static int w_check(struct sip_msg *msg, char *p1, char *p2) {
  static str sql = {"SELECT prefix FROM userblocklist", 32};
  db1_res_t *res;
  if (dbf.raw_query(dbh, &sql, &res) < 0)
    return -1;
  dbf.free_result(dbh, res);
  return 1;
}

static cmd_export_t cmds[] = {{"check_blocklist", (cmd_function)w_check, 0, 0, 0, 0},
                              {0, 0, 0, 0, 0, 0}};

struct module_exports exports = {"blocklist", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-srdb1.c:[[#@LINE-1]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-srdb1.c:[[#DEF+36]]:51: note: the cfg function 'w_check' exported here runs in each SIP worker process
// CHECK: kamailio-srdb1.c:[[#DEF+30]]:7: note: 'dbh' used here in the child process by db_func::raw_query()
// CHECK: kamailio-srdb1.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-srdb1.c:[[#DEF+6]]:3: note: {{(fix-it: )?}}move this connect into
