// Kamailio: the rank child_init() gets selects which of its paths run, and
// the analysis keeps its runs apart by rank however many there are. Here
// (the dialog module's pattern) the main process' child_init(PROC_MAIN)
// forks up to three timer processes, depending on module parameters, and
// each runs child_init(PROC_TIMER); only SIP workers and timer processes
// connect (rank > 0 || rank == PROC_TIMER), and only in real-time mode.
// The main process never connects: silent. (With the main process' runs
// for each combination of the parameters, and the timers', child_init had
// more than four input contexts, the next one lost its rank, and the main
// process "connected" with any rank.)
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// With BUG the main process connects too (rank >= 0): each SIP worker's
// connect_db() then declines (a connection is open) and its command
// queries on the main process' connection. Reported.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <kamailio-core.h>
#include <sr_module.h>
#include <stddef.h>

int fork_sync_timer(int child_id, char *desc, int make_sock,
                    timer_function *f, void *param, int interval);

static db_func_t dbf;
static db1_con_t *dlg_db;
// CHECK: kamailio-rank-contexts.c:[[#DEF:@LINE-1]]:19: warning: 'dlg_db' (Kamailio srdb1) is connected when Kamailio forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static str db_url = {"mysql://kamailio@localhost/kamailio", 35};
static str table = {"dialog", 6};
static int db_mode = 0; // 0: no database, 1: real time
static int timer_procs = 0;
static int ka_timer = 0;
static int ka_interval = 0;

static struct {
  const char *name;
  int type;
  void *value;
} params[] = {{"db_mode", 1, &db_mode},
              {"timer_procs", 1, &timer_procs},
              {"ka_timer", 1, &ka_timer},
              {"ka_interval", 1, &ka_interval},
              {NULL, 0, NULL}};

static void dlg_timer(unsigned int ticks, void *param) {}
static void ka_exec(unsigned int ticks, void *param) {}
static void clean_exec(unsigned int ticks, void *param) {}

static int w_dlg_load(struct sip_msg *msg, char *p1, char *p2) {
  return dbf.raw_query(dlg_db, &table, NULL);
}

static int mod_init(void) {
  if (db_bind_mod(&db_url, &dbf) < 0)
    return -1;
  if (ka_timer > 0 && ka_interval <= 0)
    ka_timer = 0; // keep-alives need both
  return 0;
}

// Once per process: a connection already open is a bug in the caller.
static int connect_db(void) {
  if (dlg_db != NULL)
    return -1;
  if ((dlg_db = dbf.init(&db_url)) == NULL)
    return -1;
  return 0;
}

static int child_init(int rank) {
  if (rank == PROC_MAIN) {
    if (timer_procs > 0 &&
        fork_sync_timer(PROC_TIMER, "main timer", 1, dlg_timer, NULL, 1) < 0)
      return -1;
    if (ka_timer > 0 && ka_interval > 0 &&
        fork_sync_timer(PROC_TIMER, "ka timer", 1, ka_exec, NULL, ka_timer) < 0)
      return -1;
    if (fork_sync_timer(PROC_TIMER, "clean timer", 1, clean_exec, NULL, 90) < 0)
      return -1;
  }
#ifdef BUG
  if (db_mode == 1 && (rank >= 0 || rank == PROC_TIMER)) {
#else
  if (db_mode == 1 && (rank > 0 || rank == PROC_TIMER)) {
#endif
    if (connect_db() < 0)
      return -1;
  }
  return 0;
}

static cmd_export_t cmds[] = {{"dlg_load", w_dlg_load, 0, 0, 0, 0},
                              {0, 0, 0, 0, 0, 0}};
struct module_exports exports = {"dialog", DEFAULT_DLFLAGS, cmds, params, 0,
                                 0, 0, mod_init, child_init, 0};
// CHECK: kamailio-rank-contexts.c:[[#DEF+39]]:17: note: 'dlg_db' created here by db_func::init()
// CHECK: kamailio-rank-contexts.c:[[#DEF+69]]:50: note: Kamailio also calls 'child_init' in the master process before it forks (with 0)
// CHECK: kamailio-rank-contexts.c:[[#DEF+66]]:44: note: the cfg function 'w_dlg_load' exported here runs in each SIP worker process
// CHECK: kamailio-rank-contexts.c:[[#DEF+24]]:10: note: 'dlg_db' used here in the child process by db_func::raw_query()
// CHECK: kamailio-rank-contexts.c:[[#DEF]]:19: note: connect in child_init behind the rank test
