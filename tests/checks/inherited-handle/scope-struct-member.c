// A member of a global struct, reached directly and through a pointer
// ('st = &app; st->conn'); the finding points at the object's definition.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <unistd.h>

struct server_state {
  int port;
  MYSQL *conn;
};
static struct server_state app;
// CHECK: scope-struct-member.c:[[#DEF:@LINE-1]]:28: warning: 'app.conn' (MySQL/MariaDB C API)

static void handle(struct server_state *st);

int main(void) {
  app.conn = mysql_init(NULL);
  mysql_real_connect(app.conn, "h", "u", "p", "d", 0, NULL, 0);
  // CHECK: scope-struct-member.c:[[#@LINE-1]]:3: note: 'app.conn' connected here by mysql_real_connect()
  struct server_state *st = &app;
  if (fork() == 0) {
    // CHECK: scope-struct-member.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'app.conn'
#ifdef FIXED
    st->conn = mysql_init(NULL);
    mysql_real_connect(st->conn, "h", "u", "p", "d", 0, NULL, 0);
#endif
    handle(st);
    // CHECK: scope-struct-member.c:[[#@LINE-1]]:5: note: 'handle' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void handle(struct server_state *st) {
  mysql_query(st->conn, "SELECT 1");
  // CHECK: scope-struct-member.c:[[#@LINE-1]]:3: note: 'app.conn' used here in the child process by mysql_query()
}
// CHECK: scope-struct-member.c:[[#DEF]]:28: note: create the handle lazily
