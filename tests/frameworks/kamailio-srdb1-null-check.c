// The usual Kamailio schema check in mod_init: connect, give up if the
// connection failed, close. The failure branch of
// '(db_con = dbf.init(&db_url)) == NULL' holds no connection, and the
// success branch closes it. With BUG the success branch leaves it open and
// the SIP workers inherit it.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://x", 9};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
// CHECK: kamailio-srdb1-null-check.c:[[#DEF:@LINE-1]]:19: warning: 'db_con' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process
static str q = {"select 1", 8};

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  if ((db_con = dbf.init(&db_url)) == NULL)
    // CHECK: kamailio-srdb1-null-check.c:[[#@LINE-1]]:17: note: 'db_con' created here by db_func::init()
    return -1;
#ifndef BUG
  dbf.close(db_con);
  db_con = NULL;
#endif
  return 0;
}

static int w_q(struct sip_msg *msg, char *p1, char *p2) {
  db1_res_t *res;
  return dbf.raw_query(db_con, &q, &res) < 0 ? -1 : 1;
}

static cmd_export_t cmds[] = {{"q", (cmd_function)w_q, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"q", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0, mod_init, 0, 0};
// CHECK: kamailio-srdb1-null-check.c:[[#@LINE-1]]:74: note: Kamailio runs 'mod_init'
// CHECK: kamailio-srdb1-null-check.c:[[#@LINE-3]]:{{[0-9]+}}: note: the cfg function 'w_q' exported here runs in each SIP worker process
// CHECK: kamailio-srdb1-null-check.c:[[#DEF+19]]:10: note: 'db_con' used here in the child process
// CHECK: kamailio-srdb1-null-check.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-srdb1-null-check.c:[[#DEF+7]]:3: note: move this connect into a post-fork hook
