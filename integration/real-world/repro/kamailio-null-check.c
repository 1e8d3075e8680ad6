/* The usual Kamailio schema check in mod_init: connect, give up if the
 * connection failed, close. Expected: no finding. Found: the NULL branch of
 * 'if (!db_con) return -1;' is taken as a live connection
 * (rules/kamailio-srdb1.json). */
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>
static str db_url = {"mysql://x", 9};
static db_func_t dbf;
static db1_con_t *db_con = NULL;
static str q = {"select 1", 8};
static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  if ((db_con = dbf.init(&db_url)) == NULL)
    return -1;
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
