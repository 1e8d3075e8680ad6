// A factory that connects a handle, stores it in a member of a struct it
// allocates and returns the struct: the caller's pointer variable holds the
// handle ('sess->conn'), live from the call on.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

struct db {
  int refcount;
  MYSQL *conn;
};
static struct db *sess;
// CHECK: factory-returns-struct-member.c:[[#DEF:@LINE-1]]:19: warning: 'sess.conn' (MySQL/MariaDB C API) is connected when the process forks

static struct db *db_open(const char *host) {
  MYSQL *m = mysql_init(NULL);
  if (!mysql_real_connect(m, host, "u", "p", "d", 0, NULL, 0)) {
    mysql_close(m);
    return NULL;
  }
  struct db *d = calloc(1, sizeof *d);
  d->conn = m;
  d->refcount = 1;
  return d;
}

int main(void) {
#ifndef FIXED
  sess = db_open("h");
  // CHECK: factory-returns-struct-member.c:[[#@LINE-1]]:10: note: 'sess.conn' created here by 'db_open'
#endif
  if (fork() == 0) {
    // CHECK: factory-returns-struct-member.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'sess.conn'
#ifdef FIXED
    sess = db_open("h"); // each process its own connection
#endif
    if (sess)
      mysql_query(sess->conn, "SELECT 1");
    // CHECK: factory-returns-struct-member.c:[[#@LINE-1]]:7: note: 'sess.conn' used here in the child process by mysql_query()
    _exit(0);
  }
  return 0;
}
// CHECK: factory-returns-struct-member.c:[[#DEF]]:19: note: create the handle lazily
