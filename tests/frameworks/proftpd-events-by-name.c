// ProFTPD's events are kept by name (rules/frameworks/proftpd.json,
// "callback-registries"): pr_event_generate("core.postparse") runs the
// handlers registered under "core.postparse" only. A handler that connects
// on the daemon's "core.postparse" shares the connection with every
// session; the fix connects on "core.session-start", which only a session
// generates. Without names, the daemon's dispatch would reach every
// handler, the fixed one included.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <mysql.h>
#include <proftpd-event-core.h>
#include <unistd.h>


static MYSQL *db;
// CHECK: proftpd-events-by-name.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void connect_db(const void *data, void *user) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "localhost", "ftp", "secret", "ftp", 0, NULL, 0);
}

static void count_command(const void *data, void *user) {
  mysql_query(db, "UPDATE stats SET commands = commands + 1");
}

int main(void) {
#ifndef FIXED
  pr_event_register(NULL, "core.postparse", connect_db, NULL);
#else
  pr_event_register(NULL, "core.session-start", connect_db, NULL);
#endif
  pr_event_register(NULL, "core.command", count_command, NULL);
  pr_event_generate("core.postparse", NULL);
  for (;;) {
    if (fork() == 0) {
      pr_event_generate("core.session-start", NULL);
      pr_event_generate("core.command", NULL);
      _exit(0);
    }
  }
}
// CHECK: proftpd-events-by-name.c:[[#DEF+5]]:3: note: 'db' connected here by mysql_real_connect()
// CHECK: proftpd-events-by-name.c:[[#DEF+21]]:9: note: fork() forks here; the child inherits 'db'
// CHECK: proftpd-events-by-name.c:[[#DEF+23]]:7: note: 'pr_event_generate' called from here in the child process
// CHECK: proftpd-event-core.h:31:7: note: 'function pointer' called from here in the child process
// CHECK: proftpd-events-by-name.c:[[#DEF+9]]:3: note: 'db' used here in the child process by mysql_query()
// CHECK: proftpd-events-by-name.c:[[#DEF]]:15: note: create the handle lazily in each process
