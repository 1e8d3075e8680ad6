// A spawn wrapper that calls the function its caller passes (zabbix'
// zbx_thread_start(handler, args): 'if (0 == pid) (*handler)(args)'). Every
// caller's function flows into 'handler', but one call runs the one its
// caller passed: here the checker starts before the connection exists,
// and the syncer, which connects its own, after. Silent. With INHERITS the
// checker is also started after the connect, and its query runs on the
// main process' connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DINHERITS | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stddef.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: fnptr-parameter-value.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
typedef void (*thread_entry)(void *);

static void thread_start(thread_entry handler, void *args) {
  pid_t pid = fork();
  if (pid == 0) {
    (*handler)(args);
    _exit(0);
  }
}

static void checker(void *args) {
  (void)args;
  mysql_query(conn, "SELECT 1");
}

static void syncer(void *args) {
  (void)args;
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "u", "p", "zabbix", 0, NULL, 0);
  mysql_query(conn, "SELECT 1");
}

int main(void) {
  thread_start(checker, NULL);
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "db", "u", "p", "zabbix", 0, NULL, 0);
  thread_start(syncer, NULL);
#ifdef INHERITS
  thread_start(checker, NULL);
#endif
  mysql_query(conn, "SELECT version()");
  return 0;
}
// CHECK: fnptr-parameter-value.c:[[#DEF+27]]:3: note: 'conn' connected here by mysql_real_connect()
// CHECK: fnptr-parameter-value.c:[[#DEF+30]]:3: note: 'thread_start' called from here
// CHECK: fnptr-parameter-value.c:[[#DEF+5]]:15: note: fork() forks here; the child inherits 'conn'
// CHECK: fnptr-parameter-value.c:[[#DEF+7]]:5: note: 'function pointer' called from here in the child process
// CHECK: fnptr-parameter-value.c:[[#DEF+14]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: fnptr-parameter-value.c:[[#DEF]]:15: note: create the handle lazily
