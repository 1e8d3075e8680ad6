// One handle inherited at three fork sites, each child using it: the
// finding reports one witness, the one with the shortest chain (the status
// child, which queries right after the fork), and names the other two fork
// sites in notes placed just before the remedy, in source order, and as
// SARIF related locations (not steps of the code flow). Without BUG a
// pthread_atfork child handler reconnects in every child: nothing to report.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe --format=sarif %s -- -I%mocks -DBUG | %python -c "import json,sys; r=json.load(sys.stdin)['runs'][0]['results'][0]; [print('related {}:{} {}'.format(l['physicalLocation']['region']['startLine'], l['physicalLocation']['region']['startColumn'], l['message']['text'])) for l in r['relatedLocations']]; print('flow steps naming another fork site: {}'.format(sum('also inherited' in s['location']['message']['text'] for s in r['codeFlows'][0]['threadFlows'][0]['locations'])))" | FileCheck %s --check-prefix=SARIF
#include <mysql.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: witness-also-inherited.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static void db_connect(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "app", "pw", "app", 0, NULL, 0);
}

static void log_status(const char *who) {
  char q[96];
  snprintf(q, sizeof q, "INSERT INTO status VALUES ('%s')", who);
  mysql_query(conn, q);
}

static void run_cleaner(void) { log_status("cleaner"); }

static void run_reaper(void) { mysql_query(conn, "DELETE FROM sessions WHERE expired"); }

int main(void) {
  db_connect();
#ifndef BUG
  pthread_atfork(NULL, NULL, db_connect);
#endif
  if (fork() == 0) {
    run_cleaner();
    _exit(0);
  }
  if (fork() == 0) {
    mysql_query(conn, "UPDATE status SET up = 1");
    _exit(0);
  }
  if (fork() == 0) {
    run_reaper();
    _exit(0);
  }
  mysql_query(conn, "UPDATE status SET children = 3");
  return 0;
}
// CHECK: witness-also-inherited.c:[[#DEF+5]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: witness-also-inherited.c:[[#DEF+27]]:7: note: fork() forks here; the child inherits 'conn'
// CHECK: witness-also-inherited.c:[[#DEF+28]]:5: note: 'conn' used here in the child process by mysql_query()
// CHECK: witness-also-inherited.c:[[#DEF+23]]:7: note: 'conn' is also inherited by the child created here
// CHECK: witness-also-inherited.c:[[#DEF+31]]:7: note: 'conn' is also inherited by the child created here
// CHECK: witness-also-inherited.c:[[#DEF]]:15: note: create the handle lazily
// SARIF: related 38:7 'conn' is also inherited by the child created here
// SARIF: related 46:7 'conn' is also inherited by the child created here
// SARIF: flow steps naming another fork site: 0
