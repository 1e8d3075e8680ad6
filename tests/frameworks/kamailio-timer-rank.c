// Kamailio: a timer routine runs in the timer process, which runs
// child_init(PROC_TIMER) first, not a SIP worker's child_init(1). Here
// mod_init keeps its connection and child_init connects again only for SIP
// workers (rank > 0): the timer process queries on the main process'
// connection. FIXED also connects for PROC_TIMER, as usrloc does in its
// write-back mode, and must stay silent.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <kamailio-core.h>
#include <sr_module.h>
#include <stddef.h>

static db_func_t dbf;
static db1_con_t *db_handle;
// CHECK: kamailio-timer-rank.c:[[#DEF:@LINE-1]]:19: warning: 'db_handle' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"location", 8};

static void clean_expired(unsigned int ticks, void *param) {
  dbf.raw_query(db_handle, &table, NULL);
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  db_handle = dbf.init(&db_url);
  if (db_handle == NULL)
    return -1;
  return register_timer(clean_expired, NULL, 60);
}

static int child_init(int rank) {
#ifdef FIXED
  if (rank <= 0 && rank != PROC_TIMER)
#else
  if (rank <= 0)
#endif
    return 0;
  db_handle = dbf.init(&db_url);
  if (db_handle == NULL)
    return -1;
  return 0;
}

struct module_exports exports = {"usrloc", DEFAULT_DLFLAGS, 0, 0, 0, 0, 0,
                                 mod_init, child_init, 0};
// CHECK: kamailio-timer-rank.c:[[#DEF+12]]:15: note: 'db_handle' created here by db_func::init()
// CHECK: kamailio-timer-rank.c:[[#DEF+32]]:34: note: Kamailio runs 'mod_init' (mod_init) in the main process before it forks the workers
// CHECK: kamailio-timer-rank.c:[[#DEF+15]]:25: note: the timer function 'clean_expired' registered here runs in Kamailio's timer process
// CHECK: kamailio-timer-rank.c:[[#DEF+6]]:3: note: 'db_handle' used here in the child process by db_func::raw_query()
// CHECK: kamailio-timer-rank.c:[[#DEF]]:19: note: connect in child_init behind the rank test
// CHECK: kamailio-timer-rank.c:[[#DEF+12]]:3: note: fix-it: move this connect into 'child_init'
