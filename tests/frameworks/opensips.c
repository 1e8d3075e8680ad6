// OpenSIPS 3.x: mod_init runs in the main (attendant) process before it
// forks the workers; a DB connection kept from there is shared by every SIP
// worker. The fix is OpenSIPS's idiom: mod_init checks the table version
// and closes its connection, child_init opens one per process. OpenSIPS
// never calls child_init in the attendant (no PROC_INIT, no PROC_MAIN), so
// unlike Kamailio's (kamailio-rank-guard.c) it needs no rank test.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks/opensips -DFIXED | count 0
#include <db.h>
#include <stddef.h>

static db_func_t dbf;
static db_con_t *db_handle;
// CHECK: opensips.c:[[#DEF:@LINE-1]]:18: warning: 'db_handle' (OpenSIPS DB API) is connected when OpenSIPS forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static str db_url = {"mysql://opensips@localhost/opensips", 35};
static str table = {"location", 8};

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  db_handle = dbf.init(&db_url);
  // CHECK: opensips.c:[[#@LINE-1]]:15: note: 'db_handle' created here by db_func::init()
  if (db_handle == NULL)
    return -1;
  if (db_check_table_version(&dbf, db_handle, &table, 1) < 0) {
    dbf.close(db_handle);
    return -1;
  }
#ifdef FIXED
  dbf.close(db_handle);
  db_handle = NULL;
#endif
  return 0;
}

static int child_init(int rank) {
#ifdef FIXED
  db_handle = dbf.init(&db_url);
  if (db_handle == NULL)
    return -1;
#endif
  return 0;
}

static int w_lookup(struct sip_msg *msg, void *a, void *b, void *c, void *d,
                    void *e, void *f, void *g, void *h) {
  db_res_t *res;
  dbf.raw_query(db_handle, &table, &res);
  return 1;
}

static const cmd_export_t cmds[] = {
    {"lookup", (cmd_function)w_lookup, {{0, 0, 0}}, REQUEST_ROUTE},
    {0, 0, {{0, 0, 0}}, 0}};

struct module_exports exports = {
    "lookup", MOD_TYPE_DEFAULT, MODULE_VERSION, DEFAULT_DLFLAGS,
    0,          /* load function */
    0,          /* dependencies */
    cmds,       /* script functions */
    0, 0, 0, 0, 0, 0, 0, /* async functions, params, stats, MI, items, trans, procs */
    0,          /* pre-init */
    mod_init,   /* module init */
    // CHECK: opensips.c:[[#@LINE-1]]:5: note: OpenSIPS runs 'mod_init' (mod_init) in the main (attendant) process before it forks the workers
    0, 0,       /* response, destroy */
    child_init, /* per-child init */
    0};
// CHECK: opensips.c:[[#DEF+40]]:16: note: the script function 'w_lookup' exported here runs in each SIP worker process
// CHECK: opensips.c:[[#DEF+35]]:3: note: 'db_handle' used here in the child process by db_func::raw_query()
// CHECK: opensips.c:[[#DEF]]:18: note: connect in child_init, which OpenSIPS runs in each process it forks (never in the attendant), or lazily in each process; close a connection opened in mod_init (dbf.close) before mod_init returns
// CHECK: opensips.c:[[#DEF+8]]:3: note: move this connect into 'child_init', which OpenSIPS runs in each worker process after it forks (not moved automatically: 'mod_init' uses the handle
