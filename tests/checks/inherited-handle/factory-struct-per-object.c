// Two objects from one factory: the master's configuration connection and
// a per-request one the worker opens, uses and closes. Only the object's
// own history counts: the worker's closing its request object is not a
// close of the master's, although both come from db_open() and have one
// type. With BUG the worker also queries the master's object.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

struct db {
  MYSQL *conn;
};

static struct db *db_open(void) {
  struct db *d = calloc(1, sizeof *d);
  d->conn = mysql_init(NULL);
  if (!mysql_real_connect(d->conn, "h", "u", "p", "d", 0, NULL, 0))
    return NULL;
  return d;
}

static void db_free(struct db *d) {
  mysql_close(d->conn);
  free(d);
}

static void serve(void);
static struct db *config_db;
// CHECK: factory-struct-per-object.c:[[#DEF:@LINE-1]]:19: warning: 'config_db.conn' (MySQL/MariaDB C API) is connected when the process forks

int main(void) {
  config_db = db_open();
  // CHECK: factory-struct-per-object.c:[[#@LINE-1]]:15: note: 'config_db.conn' created here by 'db_open'
  if (!config_db)
    return 1;
  mysql_query(config_db->conn, "SELECT 0");
  if (fork() == 0) {
    // CHECK: factory-struct-per-object.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'config_db.conn'
    serve();
    // CHECK: factory-struct-per-object.c:[[#@LINE-1]]:5: note: 'serve' called from here in the child process
    _exit(0);
  }
  db_free(config_db);
  return 0;
}

static void serve(void) {
  struct db *req = db_open();
  if (!req)
    return;
  mysql_query(req->conn, "SELECT 1");
#ifdef BUG
  mysql_query(config_db->conn, "SELECT 2");
  // CHECK: factory-struct-per-object.c:[[#@LINE-1]]:3: note: 'config_db.conn' used here in the child process by mysql_query()
#endif
  db_free(req);
}
// CHECK: factory-struct-per-object.c:[[#DEF]]:19: note: create the handle lazily
