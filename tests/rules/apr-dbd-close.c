// APR DBD: the child closes the inherited apr_dbd_t; the driver's close
// (PQfinish for pgsql, mysql_close for mysql) says goodbye on the parent's
// socket. The fix leaves the inherited handle alone and exits with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/apr-dbd | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/apr-dbd -DFIXED | count 0
#include <apr_dbd.h>
#include <unistd.h>

const apr_dbd_driver_t *driver;
apr_dbd_t *conn;
// CHECK: apr-dbd-close.c:[[#DEF:@LINE-1]]:12: warning: 'conn' (APR DBD) is inherited by a child process and closed there: runs the driver's close: PQfinish (pgsql) or mysql_close (mysql) send Terminate / COM_QUIT on the shared socket and end the parent's session [forksafe-inherited-handle-close]

int main(void) {
  apr_pool_t *pool;
  apr_pool_create(&pool, 0);
  apr_dbd_get_driver(pool, "mysql", &driver);
  apr_dbd_open(driver, pool, "host=db,dbname=app", &conn);
  // CHECK: apr-dbd-close.c:[[#@LINE-1]]:3: note: 'conn' created here by apr_dbd_open()
  if (fork() == 0) {
    // CHECK: apr-dbd-close.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'conn'
#ifndef FIXED
    apr_dbd_close(driver, conn);
    // CHECK: apr-dbd-close.c:[[#@LINE-1]]:5: note: 'conn' closed here in the child process by apr_dbd_close()
#endif
    _exit(0);
  }
  apr_dbd_query(driver, conn, 0, "DELETE FROM sessions WHERE expired");
  apr_dbd_close(driver, conn);
  return 0;
}
// CHECK: apr-dbd-close.c:[[#DEF]]:12: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
