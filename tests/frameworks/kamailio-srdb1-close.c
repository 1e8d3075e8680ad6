// Kamailio: a module that keeps its mod_init connection open and then, in
// child_init, "reopens" it: dbf.close() on the inherited handle closes the
// main process's backend connection (MySQL COM_QUIT) from every worker
// (userblocklist, carrierroute, p_usrloc in Kamailio 5.6). The fix closes
// the connection at the end of mod_init.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/frameworks -DFIXED | count 0
#include <sr_module.h>
#include <srdb1.h>
#include <stddef.h>

static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"userblocklist", 13};
static db_func_t dbf;
static db1_con_t *dbh;
// CHECK: kamailio-srdb1-close.c:[[#DEF:@LINE-1]]:19: warning: 'dbh' (Kamailio srdb1) is inherited by a child process and closed there: closes the backend connection on the shared socket (MySQL COM_QUIT, PostgreSQL Terminate) [forksafe-inherited-handle-close]

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  dbh = dbf.init(&db_url);
  db_check_table_version(&dbf, dbh, &table, 1);
#ifdef FIXED
  dbf.close(dbh);
  dbh = NULL;
#endif
  return 0;
}

static int db_open(void) {
  if (dbh)
    dbf.close(dbh);
  dbh = dbf.init(&db_url);
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
  return db_open();
}

struct module_exports exports = {"blocklist", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-srdb1-close.c:[[#DEF+6]]:9: note: 'dbh' created here by db_func::init()
// CHECK: kamailio-srdb1-close.c:[[#DEF+29]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-srdb1-close.c:[[#DEF+29]]:44: note: Kamailio runs 'child_init' (child_init) in each worker process after it forks
// CHECK: kamailio-srdb1-close.c:[[#DEF+25]]:10: note: 'db_open' called from here in the child process
// CHECK: kamailio-srdb1-close.c:[[#DEF+17]]:5: note: 'dbh' closed here in the child process by db_func::close()
// CHECK: kamailio-srdb1-close.c:[[#DEF]]:19: note: leave the child with _exit()
