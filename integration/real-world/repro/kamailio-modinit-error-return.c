/* mod_init returning < 0 stops Kamailio before it forks anything, so a
 * connection left open on an error path of mod_init is never inherited
 * (dispatcher's ds_init_db, matrix, permissions, uid_* modules).
 * Expected: no finding. Found: the error path's open connection is
 * inherited by the workers (rules/kamailio-srdb1.json). */
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>
static str db_url = {"mysql://x", 9};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
static str q = {"select 1", 8};
int table_version(db1_con_t *h);
static int mod_init(void) {
  db_con = dbf.init(&db_url);
  if (table_version(db_con) != 3)
    return -1;              /* fatal: Kamailio exits, nothing is forked */
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
