// OpenSIPS 3.x: a module keeps its mod_init connection open and "reopens"
// it in child_init: dbf.close() on the inherited handle closes the
// attendant's backend connection (MySQL COM_QUIT) from every process, once
// the pool's reference count drops to zero. The fix closes the connection
// at the end of mod_init. The DB layer is OpenSIPS's own (db_con_t), named
// as such in the message.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/frameworks/opensips | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/frameworks/opensips -DFIXED | count 0
#include <db.h>
#include <stddef.h>

static str db_url = {"mysql://opensips@localhost/opensips", 35};
static str table = {"dr_rules", 8};
static db_func_t dbf;
static db_con_t *dbh;
// CHECK: opensips-db-close.c:[[#DEF:@LINE-1]]:18: warning: 'dbh' (OpenSIPS DB API) is inherited by a child process and closed there: closes the backend connection on the shared socket (MySQL COM_QUIT, PostgreSQL Terminate) [forksafe-inherited-handle-close]

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  dbh = dbf.init(&db_url);
  if (dbh == NULL)
    return -1;
  db_check_table_version(&dbf, dbh, &table, 3);
#ifdef FIXED
  dbf.close(dbh);
  dbh = NULL;
#endif
  return 0;
}

static int child_init(int rank) {
  if (dbh)
    dbf.close(dbh);
  dbh = dbf.init(&db_url);
  return dbh == NULL ? -1 : 0;
}

struct module_exports exports = {
    "drouting", MOD_TYPE_DEFAULT, MODULE_VERSION, DEFAULT_DLFLAGS, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, mod_init, 0, 0, child_init, 0};
// CHECK: opensips-db-close.c:[[#DEF+6]]:9: note: 'dbh' created here by db_func::init()
// CHECK: opensips-db-close.c:[[#DEF+26]]:26: note: OpenSIPS runs 'mod_init' (mod_init) in the main (attendant) process before it forks the workers
// CHECK: opensips-db-close.c:[[#DEF+26]]:42: note: OpenSIPS runs 'child_init' (child_init) in each process it forks, never in the attendant
// CHECK: opensips-db-close.c:[[#DEF+19]]:5: note: 'dbh' closed here in the child process by db_func::close()
// CHECK: opensips-db-close.c:[[#DEF]]:18: note: leave the child with _exit()
