// The remedy for an object a factory made before the fork: the child
// forgets the parent's object ('sess = NULL;', never closed) and its
// helpers test the pointer. With BUG the child keeps it and queries the
// parent's connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

struct db {
  MYSQL *conn;
};
static void query(void);
static struct db *sess;
// CHECK: factory-struct-forget-in-child.c:[[#DEF:@LINE-1]]:19: warning: 'sess.conn' (MySQL/MariaDB C API) is connected when the process forks

static struct db *db_open(void) {
  struct db *d = calloc(1, sizeof *d);
  d->conn = mysql_init(NULL);
  if (!mysql_real_connect(d->conn, "h", "u", "p", "d", 0, NULL, 0))
    return NULL;
  return d;
}

int main(void) {
  sess = db_open();
  // CHECK: factory-struct-forget-in-child.c:[[#@LINE-1]]:10: note: 'sess.conn' created here by 'db_open'
  if (fork() == 0) {
    // CHECK: factory-struct-forget-in-child.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'sess.conn'
#ifndef BUG
    sess = NULL; // forget the parent's object: never close it here
#endif
    query();
    // CHECK: factory-struct-forget-in-child.c:[[#@LINE-1]]:5: note: 'query' called from here in the child process
    _exit(0);
  }
  query();
  return 0;
}

static void query(void) {
  if (sess)
    mysql_query(sess->conn, "SELECT 1");
  // CHECK: factory-struct-forget-in-child.c:[[#@LINE-1]]:5: note: 'sess.conn' used here in the child process by mysql_query()
}
// CHECK: factory-struct-forget-in-child.c:[[#DEF]]:19: note: create the handle lazily
