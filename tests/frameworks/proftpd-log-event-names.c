// A dispatcher's key computed from a parameter keeps the contexts of the
// functions that compute it apart by that parameter: ProFTPD's
// pr_log_event_generate(type) dispatches the name get_log_event_name(type)
// returns. With more log types than contexts, a merged context would
// dispatch "any name" and run every handler, so the child's logging would
// run the handler that closes the connection on the daemon's
// "core.log.unspec". The bug twin closes it on "core.log.tracelog", which
// the child generates.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <proftpd-event-core.h>
#include <unistd.h>


static const char *get_log_event_name(unsigned type) {
  switch (type) {
  case 0:
    return "core.log.unspec";
  case 1:
    return "core.log.xferlog";
  case 2:
    return "core.log.syslog";
  case 3:
    return "core.log.systemlog";
  case 4:
    return "core.log.extendedlog";
  case 5:
    return "core.log.tracelog";
  }
  return NULL;
}

int pr_log_event_generate(unsigned type, const char *msg) {
  const char *name = get_log_event_name(type);
  if (name == NULL)
    return -1;
  pr_event_generate(name, msg);
  return 0;
}

static MYSQL *db;
// CHECK: proftpd-log-event-names.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is inherited by a child process and closed there

static void close_db(const void *data, void *user) {
  mysql_close(db);
  db = NULL;
}

static void count_line(const void *data, void *user) {}

int main(void) {
  db = mysql_init(NULL);
  if (!mysql_real_connect(db, "localhost", "ftp", "secret", "ftp", 0, NULL, 0))
    return 1;
#ifndef BUG
  pr_event_register(NULL, "core.log.unspec", close_db, NULL);
#else
  pr_event_register(NULL, "core.log.tracelog", close_db, NULL);
#endif
  pr_event_register(NULL, "core.log.syslog", count_line, NULL);
  if (fork() == 0) {
    pr_log_event_generate(1, "transfer");
    pr_log_event_generate(2, "syslog");
    pr_log_event_generate(3, "system");
    pr_log_event_generate(4, "extended");
    pr_log_event_generate(5, "trace");
    _exit(0);
  }
  pr_log_event_generate(0, "shutting down");
  return 0;
}
// CHECK: proftpd-log-event-names.c:[[#DEF+12]]:8: note: 'db' connected here by mysql_real_connect()
// CHECK: proftpd-log-event-names.c:[[#DEF+20]]:7: note: fork() forks here; the child inherits 'db'
// CHECK: proftpd-log-event-names.c:[[#DEF+25]]:5: note: 'pr_log_event_generate' called from here in the child process
// CHECK: proftpd-log-event-names.c:[[#DEF-4]]:3: note: 'pr_event_generate' called from here in the child process
// CHECK: proftpd-event-core.h:31:7: note: 'function pointer' called from here in the child process
// CHECK: proftpd-log-event-names.c:[[#DEF+4]]:3: note: 'db' closed here in the child process by mysql_close()
// CHECK: proftpd-log-event-names.c:[[#DEF]]:15: note: leave the child with _exit()
