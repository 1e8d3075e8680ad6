// A callback that only a session process registers (a timer added in the
// module's sess_init) is not in the daemon's timer list: the daemon's
// timers, which fire while it sets up (ProFTPD runs them when an alarm is
// unblocked, in make_sub_pool() among others), cannot run it, so its
// lazy connect happens in each session. The bug twin also adds the timer
// in the module's init, in the daemon: the daemon connects, and every
// session shares the connection. So does the twin whose init calls a
// command handler itself: a handler is worker code only where the
// framework calls it, and what the daemon runs registers the timer there.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DDIRECT | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <proftpd-modules.h>
#include <mysql.h>
#include <stdlib.h>

typedef int (*callback_t)(void);
struct timer {
  struct timer *next;
  callback_t callback;
};
static struct timer *timers;

int pr_timer_add(callback_t cb) {
  struct timer *t = malloc(sizeof *t);
  t->callback = cb;
  t->next = timers;
  timers = t;
  return 0;
}

void process_timers(void) {
  for (struct timer *t = timers; t; t = t->next)
    t->callback();
}

MODRET stats_site_cmd(cmd_rec *cmd);

static MYSQL *stats_db;
// CHECK: proftpd-session-timer.c:[[#DEF:@LINE-1]]:15: warning: 'stats_db' (MySQL/MariaDB C API) is connected when ProFTPD forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int stats_keepalive(void) {
  if (stats_db == NULL) {
    stats_db = mysql_init(NULL);
    if (!mysql_real_connect(stats_db, "localhost", "ftp", "secret", "stats",
                            0, NULL, 0))
      return -1;
  }
  return mysql_ping(stats_db);
}

static int stats_flush(void) { return 0; }

static int stats_init(void) {
  pr_timer_add(stats_flush);
#ifdef BUG
  pr_timer_add(stats_keepalive);
#elif defined(DIRECT)
  stats_site_cmd(NULL);
#endif
  process_timers();
  return 0;
}

static int stats_sess_init(void) { return pr_timer_add(stats_keepalive); }

MODRET stats_log_cmd(cmd_rec *cmd) {
  mysql_query(stats_db, "UPDATE stats SET commands = commands + 1");
  return PR_DECLINED(cmd);
}

MODRET stats_site_cmd(cmd_rec *cmd) {
  pr_timer_add(stats_keepalive);
  return PR_DECLINED(cmd);
}

static cmdtable stats_cmdtab[] = {
    {PRE_CMD, "STOR", G_NONE, stats_log_cmd, 1, 0, CL_INFO, NULL},
    {CMD, "SITE", G_NONE, stats_site_cmd, 1, 0, CL_INFO, NULL},
    {0, NULL, NULL, NULL, 0, 0, 0, NULL}};

module stats_module = {NULL, NULL, 0x20, "stats", NULL, stats_cmdtab, NULL,
                       stats_init, stats_sess_init, "mod_stats/0.1", NULL, 0};
// CHECK: proftpd-session-timer.c:[[#DEF+6]]:10: note: 'stats_db' connected here by mysql_real_connect()
// CHECK: proftpd-session-timer.c:[[#DEF+44]]:24: note: ProFTPD runs 'stats_init' (the module's init) in the daemon process before it forks the session processes
// CHECK: proftpd-session-timer.c:[[#DEF+39]]:31: note: the command handler 'stats_log_cmd' registered here runs in each session process
// CHECK: proftpd-session-timer.c:[[#DEF+29]]:3: note: 'stats_db' used here in the child process by mysql_query()
// CHECK: proftpd-session-timer.c:[[#DEF]]:15: note: connect in the module's sess_init
// CHECK: proftpd-session-timer.c:[[#DEF+22]]:3: note: move this connect into 'stats_sess_init', which ProFTPD runs in each worker process after it forks (not moved automatically: this statement reaches the connect through a function pointer)
