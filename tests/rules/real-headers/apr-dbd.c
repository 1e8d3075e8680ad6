// Against the real <apr_dbd.h> (libaprutil1-dev, apr-util 1.6). A
// connection opened with apr_dbd_open_ex() before fork: the child runs a
// prepared statement on it ('sql') and closes another ('audit'), whose
// driver close says goodbye on the parent's socket. The fix opens both in
// the child.
// REQUIRES: apr-dbd-headers
// RUN: %expect_exit 1 %forksafe %s -- -DLINUX -D_REENTRANT -D_GNU_SOURCE -I/usr/include/apr-1.0 | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DLINUX -D_REENTRANT -D_GNU_SOURCE -I/usr/include/apr-1.0 -DFIXED | count 0
#include <apr_dbd.h>
#include <unistd.h>

static const apr_dbd_driver_t *driver;
static apr_dbd_t *sql;
// CHECK: apr-dbd.c:[[#@LINE-1]]:19: warning: 'sql' (APR DBD) is connected when the process forks
static apr_dbd_t *audit;
// CHECK: note: 'sql' created here by apr_dbd_open_ex()
// CHECK: note: 'sql' used here in the child process by apr_dbd_prepare()
// CHECK: apr-dbd.c:[[#@LINE-3]]:19: warning: 'audit' (APR DBD) is inherited by a child process and closed there: runs the driver's close
// CHECK: note: 'audit' created here by apr_dbd_open()
// CHECK: note: 'audit' closed here in the child process by apr_dbd_close()

static void open_all(apr_pool_t *pool) {
  const char *error;
  apr_dbd_get_driver(pool, "pgsql", &driver);
  apr_dbd_open_ex(driver, pool, "host=db dbname=app", &sql, &error);
  apr_dbd_open(driver, pool, "host=db dbname=audit", &audit);
}

int main(void) {
  apr_pool_t *pool;
  apr_dbd_prepared_t *bump = NULL;
  int rows;
  apr_initialize();
  apr_pool_create(&pool, NULL);
  apr_dbd_init(pool);
#ifndef FIXED
  open_all(pool);
#endif
  if (fork() == 0) {
#ifdef FIXED
    open_all(pool);
#endif
    apr_dbd_prepare(driver, pool, sql, "UPDATE counters SET n = n + 1 WHERE id = %d", "bump", &bump);
    apr_dbd_pvquery(driver, pool, sql, &rows, bump, "1");
    apr_dbd_close(driver, audit);
    _exit(0);
  }
  return 0;
}
