// Apache httpd: a connection opened in a post_config hook (the parent) and
// used by the handler in each child. The fix connects in child_init.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <httpd.h>
#include <mysql.h>
#include <stddef.h>

static MYSQL *conn;
// CHECK: apache.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when Apache httpd forks its worker processes and is used in the child process

static void open_db(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "localhost", "app", "secret", "shop", 0, NULL, 0);
  // CHECK: apache.c:[[#@LINE-1]]:3: note: 'conn' connected here by mysql_real_connect()
}

static int items_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s) {
#ifndef FIXED
  open_db();
#endif
  return OK;
}

static void items_child_init(apr_pool_t *p, server_rec *s) {
#ifdef FIXED
  open_db();
#endif
}

static int items_handler(request_rec *r) {
  mysql_query(conn, "SELECT name FROM items WHERE id = 1");
  return OK;
}

static void items_register_hooks(apr_pool_t *p) {
  ap_hook_post_config(items_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache.c:[[#@LINE-1]]:23: note: Apache httpd runs 'items_post_config' (post_config) in the parent process before it forks the children
  ap_hook_child_init(items_child_init, NULL, NULL, APR_HOOK_MIDDLE);
  ap_hook_handler(items_handler, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache.c:[[#@LINE-1]]:19: note: the handler hook 'items_handler' registered here runs in each child process
}
// CHECK: apache.c:[[#DEF+24]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: apache.c:[[#DEF]]:15: note: connect in a child_init hook instead (ap_hook_child_init)
// CHECK: apache.c:[[#DEF+12]]:3: note: fix-it: move this connect into 'items_child_init', which Apache httpd runs in each worker process after it forks

module items_module = {STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL,
                       items_register_hooks, 0};
