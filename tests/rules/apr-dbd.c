// APR DBD: a connection opened through apr_dbd_open() before fork (it is
// connected on return: the driver's open, then apr_dbd_check_conn); the
// child queries it on the parent's socket. The fix opens one in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/apr-dbd | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/apr-dbd -DFIXED | count 0
#include <apr_dbd.h>
#include <unistd.h>

static const apr_dbd_driver_t *driver;
static apr_dbd_t *sql;
// CHECK: apr-dbd.c:[[#DEF:@LINE-1]]:19: warning: 'sql' (APR DBD) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void connect_db(apr_pool_t *pool) {
  apr_dbd_get_driver(pool, "pgsql", &driver);
  apr_dbd_open(driver, pool, "host=db dbname=app", &sql);
  // CHECK: apr-dbd.c:[[#@LINE-1]]:3: note: 'sql' created here by apr_dbd_open()
}

int main(void) {
  apr_pool_t *pool;
  apr_pool_create(&pool, 0);
  apr_dbd_init(pool);
  connect_db(pool);
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      // CHECK: apr-dbd.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'sql'
      apr_dbd_results_t *res = 0;
#ifdef FIXED
      connect_db(pool);
#endif
      apr_dbd_select(driver, pool, sql, &res, "SELECT id FROM jobs", 0);
      // CHECK: apr-dbd.c:[[#@LINE-1]]:7: note: 'sql' used here in the child process by apr_dbd_select()
      _exit(0);
    }
  return 0;
}
// CHECK: apr-dbd.c:[[#DEF]]:19: note: open the connection (apr_dbd_open()) in each process after fork(), e.g. in httpd's child_init hook or through mod_dbd's ap_dbd_acquire(); never apr_dbd_close() an inherited apr_dbd_t in the child (the driver sends Terminate/COM_QUIT on the parent's connection)
