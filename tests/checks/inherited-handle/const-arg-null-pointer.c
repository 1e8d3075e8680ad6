// A null pointer constant bound to a parameter: 'audit(NULL, "...")'. The
// audit helper writes to the master's database only for a request ('if (!req)
// return;'); a child that has no request yet calls it with NULL and then
// opens its own connection. With BUG the child passes its first request, so
// the helper writes on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdio.h>
#include <unistd.h>

struct request {
  int id;
  const char *path;
};

static MYSQL *audit_db;
// CHECK: const-arg-null-pointer.c:[[#DEF:@LINE-1]]:15: warning: 'audit_db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static void audit(const struct request *req, const char *what) {
  char q[128];
  if (!req)
    return;
  snprintf(q, sizeof q, "INSERT INTO audit VALUES (%d, '%s')", req->id, what);
  mysql_query(audit_db, q);
}

static void open_audit(void) {
  audit_db = mysql_init(NULL);
  mysql_real_connect(audit_db, "db", "audit", "pw", "audit", 0, NULL, 0);
}

static void child_main(void) {
  struct request first = {1, "/"};
#ifdef BUG
  audit(&first, "child started");
#else
  audit(NULL, "child started");
#endif
  open_audit();
  audit(&first, "served");
}

int main(void) {
  struct request boot = {0, "boot"};
  open_audit();
  audit(&boot, "master started");
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      child_main();
      _exit(0);
    }
  return 0;
}
// CHECK: const-arg-null-pointer.c:[[#DEF+13]]:3: note: 'audit_db' connected here by mysql_real_connect()
// CHECK: const-arg-null-pointer.c:[[#DEF+32]]:9: note: fork() forks here; the child inherits 'audit_db'
// CHECK: const-arg-null-pointer.c:[[#DEF+33]]:7: note: 'child_main' called from here in the child process
// CHECK: const-arg-null-pointer.c:[[#DEF+19]]:3: note: 'audit' called from here in the child process
// CHECK: const-arg-null-pointer.c:[[#DEF+8]]:3: note: 'audit_db' used here in the child process by mysql_query()
// CHECK: const-arg-null-pointer.c:[[#DEF]]:15: note: create the handle lazily
