// A pthread_atfork child handler that forgets the inherited handle
// ('db = NULL;') before the lazy accessor's 'if (!db) db = connect();': the
// child's first use opens its own connection and nothing is closed. Silent
// for both checks. With BUG the handler "cleans up" with mysql_close(),
// which sends COM_QUIT on the parent's session from every child.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

static MYSQL *db;
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]

static MYSQL *get_db(void) {
  if (!db) {
    db = mysql_init(NULL);
    mysql_real_connect(db, "db", "app", "pw", "app", 0, NULL, 0);
  }
  return db;
}

static void forget_db(void) {
#ifdef BUG
  mysql_close(db);
#endif
  db = NULL;
}

int main(void) {
  pthread_atfork(NULL, NULL, forget_db);
  mysql_query(get_db(), "UPDATE jobs SET owner = NULL");
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      mysql_query(get_db(), "SELECT take_job()");
      _exit(0);
    }
  mysql_query(get_db(), "UPDATE stats SET workers = 4");
  return 0;
}
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF+6]]:5: note: 'db' connected here by mysql_real_connect()
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF+22]]:9: note: fork() forks here; the child inherits 'db'
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF+22]]:9: note: the pthread_atfork child handler 'forget_db' runs here in the child process
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF+13]]:3: note: 'db' closed here in the child process by mysql_close()
// CHECK: remedy-atfork-forget-lazy.c:[[#DEF]]:15: note: leave the child with _exit()
