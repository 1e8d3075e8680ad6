// A mod_init that returns non-zero makes Kamailio exit before it forks
// anything (init_modules() in sr_module.c), so a connection left open on
// that error path is never inherited; the path that goes on closes it.
// With BUG the error is only logged and mod_init returns 0: the workers
// inherit the open connection.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://x", 9};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
// CHECK: kamailio-mod-init-error-return.c:[[#DEF:@LINE-1]]:19: warning: 'db_con' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process
static str q = {"select 1", 8};
int table_version(db1_con_t *h);

static int mod_init(void) {
  db_con = dbf.init(&db_url);
  // CHECK: kamailio-mod-init-error-return.c:[[#@LINE-1]]:12: note: 'db_con' created here by db_func::init()
  if (table_version(db_con) != 3)
#ifdef BUG
    return 0; /* carries on: the connection stays open */
#else
    return -1; /* fatal: Kamailio exits, nothing is forked */
#endif
  dbf.close(db_con);
  db_con = NULL;
  return 0;
}

static int w_q(struct sip_msg *msg, char *p1, char *p2) {
  db1_res_t *res;
  return dbf.raw_query(db_con, &q, &res) < 0 ? -1 : 1;
}

static cmd_export_t cmds[] = {{"q", (cmd_function)w_q, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"q", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0, mod_init, 0, 0};
// CHECK: kamailio-mod-init-error-return.c:[[#@LINE-1]]:74: note: Kamailio runs 'mod_init'
// CHECK: kamailio-mod-init-error-return.c:[[#@LINE-3]]:37: note: the cfg function 'w_q' exported here runs in each SIP worker process
// CHECK: kamailio-mod-init-error-return.c:[[#DEF+21]]:10: note: 'db_con' used here in the child process
// CHECK: kamailio-mod-init-error-return.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-mod-init-error-return.c:[[#DEF+6]]:3: note: move this connect into a post-fork hook
