// Apache httpd 2.4, real headers (apache2-dev): a connection opened in a
// post_config hook (the parent, before it forks the children) and used by the
// handler hook in each child. The fix connects in a child_init hook.
// REQUIRES: apache2-dev, mariadb-headers
// RUN: clang-19 -fsyntax-only %apache_flags %s
// RUN: clang-19 -fsyntax-only %apache_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S apache-post-config.c -- %apache_flags
// RUN: %make_compdb %t/fixed %S apache-post-config.c -- %apache_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_config.h"
#include "ap_release.h"
#include <mysql.h>
#if AP_SERVER_MAJORVERSION_NUMBER != 2 || AP_SERVER_MINORVERSION_NUMBER != 4
#error "not Apache httpd 2.4's headers"
#endif

static MYSQL *conn;
// CHECK: apache-post-config.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when Apache httpd forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int items_connect(server_rec *s) {
  conn = mysql_init(NULL);
  if (conn == NULL ||
      mysql_real_connect(conn, "localhost", "app", "secret", "shop", 0, NULL,
                         0) == NULL) {
    // CHECK: apache-post-config.c:[[#@LINE-2]]:7: note: 'conn' connected here by mysql_real_connect()
    ap_log_error(APLOG_MARK, APLOG_ERR, 0, s, "items: %s", mysql_error(conn));
    return HTTP_INTERNAL_SERVER_ERROR;
  }
  return OK;
}

static int items_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s) {
#ifndef FIXED
  return items_connect(s);
#else
  return OK;
#endif
}

static void items_child_init(apr_pool_t *p, server_rec *s) {
#ifdef FIXED
  items_connect(s);
#endif
}

static int items_handler(request_rec *r);

static void items_register_hooks(apr_pool_t *p) {
  ap_hook_post_config(items_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache-post-config.c:[[#@LINE-1]]:23: note: Apache httpd runs 'items_post_config' (post_config) in the parent process before it forks the children (post_config may run more than once)
  ap_hook_child_init(items_child_init, NULL, NULL, APR_HOOK_MIDDLE);
  ap_hook_handler(items_handler, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache-post-config.c:[[#@LINE-1]]:19: note: the handler hook 'items_handler' registered here runs in each child process
}

static int items_handler(request_rec *r) {
  MYSQL_RES *res;
  MYSQL_ROW row;

  if (strcmp(r->handler, "items"))
    return DECLINED;
  if (mysql_query(conn, "SELECT name FROM items WHERE id = 1") != 0)
    // CHECK: apache-post-config.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by mysql_query()
    return HTTP_INTERNAL_SERVER_ERROR;
  res = mysql_store_result(conn);
  if (res == NULL || (row = mysql_fetch_row(res)) == NULL) {
    mysql_free_result(res);
    return HTTP_NOT_FOUND;
  }
  ap_set_content_type(r, "text/plain");
  ap_rprintf(r, "%s\n", row[0]);
  mysql_free_result(res);
  return OK;
}

module AP_MODULE_DECLARE_DATA items_module = {
    STANDARD20_MODULE_STUFF,
    NULL,                /* create per-directory config structure */
    NULL,                /* merge per-directory config structures */
    NULL,                /* create per-server config structure */
    NULL,                /* merge per-server config structures */
    NULL,                /* command table */
    items_register_hooks /* register hooks */
};
// CHECK: apache-post-config.c:[[#DEF]]:15: note: connect in a child_init hook instead (ap_hook_child_init), or lazily on the first request in each child; do not close the inherited handle in the child
// CHECK: apache-post-config.c:[[#DEF+18]]:3: note: move this connect into 'items_child_init', which Apache httpd runs in each worker process after it forks (not moved automatically: it is not an expression statement)
