// Kamailio: RPC functions run in the RPC transports' processes (ctl,
// jsonrpcs, xhttp_rpc), children of the main process; a connection mod_init
// keeps is inherited there. The fix is the reload pattern of permissions,
// dispatcher and domain, which must stay silent now that RPC functions are
// worker hooks by default: mod_init loads the table and closes its
// connection, the RPC reload opens its own, loads and closes it.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <kamailio-core.h>
#include <sr_module.h>
#include <stddef.h>

static db_func_t dbf;
static db1_con_t *db_handle;
// CHECK: kamailio-rpc.c:[[#DEF:@LINE-1]]:19: warning: 'db_handle' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"trusted", 7};

static int load_table(void) {
  return dbf.raw_query(db_handle, &table, NULL);
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  db_handle = dbf.init(&db_url);
  // CHECK: kamailio-rpc.c:[[#@LINE-1]]:15: note: 'db_handle' created here by db_func::init()
  if (db_handle == NULL)
    return -1;
  if (load_table() < 0) {
    dbf.close(db_handle);
    return -1;
  }
#ifdef FIXED
  dbf.close(db_handle);
  db_handle = NULL;
#endif
  return 0;
}

static void rpc_reload(rpc_t *rpc, void *ctx) {
#ifdef FIXED
  db_handle = dbf.init(&db_url);
  if (db_handle == NULL) {
    rpc->fault(ctx, 500, "Reload failed");
    return;
  }
#endif
  if (load_table() < 0)
    rpc->fault(ctx, 500, "Reload failed");
#ifdef FIXED
  dbf.close(db_handle);
  db_handle = NULL;
#endif
}

static const char *rpc_reload_doc[] = {"Reload the trusted table", 0};
static rpc_export_t rpc_cmds[] = {{"permissions.trustedReload", rpc_reload,
                                   rpc_reload_doc, 0},
                                  {0, 0, 0, 0}};

struct module_exports exports = {"permissions", DEFAULT_DLFLAGS, 0, 0,
                                 rpc_cmds, 0, 0, mod_init, 0, 0};
// CHECK: kamailio-rpc.c:[[#@LINE-1]]:50: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-rpc.c:[[#DEF+44]]:65: note: the RPC function 'rpc_reload' exported here runs in an RPC process (ctl, jsonrpcs, xhttp_rpc)
// CHECK: kamailio-rpc.c:[[#DEF+35]]:7: note: 'load_table' called from here in the child process
// CHECK: kamailio-rpc.c:[[#DEF+6]]:10: note: 'db_handle' used here in the child process by db_func::raw_query()
// CHECK: kamailio-rpc.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-rpc.c:[[#DEF+12]]:3: note: move this connect into a post-fork hook, a function stored as a child_init_function
