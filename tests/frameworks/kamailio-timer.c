// Kamailio: timer functions run in the timer process, a child of the main
// process; a connection mod_init keeps is inherited there. The fix is the
// devel guide's pattern, which must stay silent now that timers are worker
// hooks by default: mod_init checks the table version and closes its
// connection, child_init connects behind the rank test (the timer process,
// PROC_TIMER, passes it).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <kamailio-core.h>
#include <sr_module.h>
#include <stddef.h>

static db_func_t dbf;
static db1_con_t *db_handle;
// CHECK: kamailio-timer.c:[[#DEF:@LINE-1]]:19: warning: 'db_handle' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"presentity", 10};

static void clean_expired(unsigned int ticks, void *param) {
  dbf.raw_query(db_handle, &table, NULL);
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  db_handle = dbf.init(&db_url);
  // CHECK: kamailio-timer.c:[[#@LINE-1]]:15: note: 'db_handle' created here by db_func::init()
  if (db_handle == NULL)
    return -1;
  if (db_check_table_version(&dbf, db_handle, &table, 5) < 0) {
    dbf.close(db_handle);
    return -1;
  }
#ifdef FIXED
  dbf.close(db_handle);
  db_handle = NULL;
#endif
  return register_timer(clean_expired, NULL, 60);
}

static int child_init(int rank) {
  if (rank == PROC_INIT || rank == PROC_MAIN || rank == PROC_TCP_MAIN)
    return 0;
#ifdef FIXED
  db_handle = dbf.init(&db_url);
  if (db_handle == NULL)
    return -1;
#endif
  return 0;
}

struct module_exports exports = {"presence", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-timer.c:[[#@LINE-1]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-timer.c:[[#DEF+24]]:25: note: the timer function 'clean_expired' registered here runs in Kamailio's timer process
// CHECK: kamailio-timer.c:[[#DEF+6]]:3: note: 'db_handle' used here in the child process by db_func::raw_query()
// CHECK: kamailio-timer.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-timer.c:[[#DEF+12]]:3: note: move this connect into 'child_init'
