/* 'if (rank > 0)' is the rank test of domainpolicy, uid_domain, tls,
 * http_async_client ... : child_init(PROC_INIT = -127) and child_init(0) in
 * the main process do not connect. Expected: no finding. Found: the branch
 * for -127 takes the edge's Default, computed from a far *positive* value
 * (largest sample + 1000003), so 'rank > 0' looks true for -127. */
#include <libpq-fe.h>
#include <sr_module.h>
#include <stddef.h>
static PGconn *db_handle;
static int child_init(int rank) {
  if (rank > 0)
    if (db_handle == NULL) /* lazy: a worker keeps what it has */
      db_handle = PQconnectdb("dbname=kamailio");
  return 0;
}
static int w_lookup(struct sip_msg *msg, char *p1, char *p2) {
  PQexec(db_handle, "SELECT contact FROM location");
  return 1;
}
static cmd_export_t cmds[] = {{"lookup", (cmd_function)w_lookup, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"lookupdb", DEFAULT_DLFLAGS, cmds, 0, 0, 0, 0, 0, child_init, 0};
