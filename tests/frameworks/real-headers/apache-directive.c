// Apache httpd 2.4, real headers: a connection opened by a directive handler
// (an AP_INIT_TAKE1 entry of the module's command table; with 2.4's
// designated initializers it is a member of the cmd_func union), which httpd
// runs in the parent while it reads the configuration, and used by the
// handler hook in each child. The fix keeps only the DSN in the directive
// handler and connects in a child_init hook.
// REQUIRES: apache2-dev, mariadb-headers
// RUN: clang-19 -fsyntax-only %apache_flags %s
// RUN: clang-19 -fsyntax-only %apache_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S apache-directive.c -- %apache_flags
// RUN: %make_compdb %t/fixed %S apache-directive.c -- %apache_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "http_request.h"
#include "ap_release.h"
#include <mysql.h>
#if AP_SERVER_MAJORVERSION_NUMBER != 2 || AP_SERVER_MINORVERSION_NUMBER != 4
#error "not Apache httpd 2.4's headers"
#endif

static MYSQL *conn;
// CHECK: apache-directive.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when Apache httpd forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static const char *items_host;

/* ItemsDBHost db.example.org */
static const char *set_items_host(cmd_parms *cmd, void *cfg, const char *host) {
  items_host = host;
#ifndef FIXED
  conn = mysql_init(NULL);
  if (!mysql_real_connect(conn, items_host, "app", "secret", "shop", 0, NULL, 0))
    // CHECK: apache-directive.c:[[#@LINE-1]]:8: note: 'conn' connected here by mysql_real_connect()
    return "ItemsDBHost: cannot connect";
#endif
  return NULL;
}

static const command_rec items_cmds[] = {
    AP_INIT_TAKE1("ItemsDBHost", set_items_host, NULL, RSRC_CONF,
    // (the note points at the macro, not at its argument)
    // CHECK: apache-directive.c:[[#@LINE-2]]:5: note: Apache httpd runs the directive handler 'set_items_host' in the parent process while it reads the configuration, before it forks the children
                  "the items database server"),
    {NULL}};

static void items_child_init(apr_pool_t *p, server_rec *s) {
#ifdef FIXED
  conn = mysql_init(NULL);
  mysql_real_connect(conn, items_host, "app", "secret", "shop", 0, NULL, 0);
#endif
}

static int items_handler(request_rec *r);

static void items_register_hooks(apr_pool_t *p) {
  ap_hook_child_init(items_child_init, NULL, NULL, APR_HOOK_MIDDLE);
  ap_hook_handler(items_handler, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache-directive.c:[[#@LINE-1]]:19: note: the handler hook 'items_handler' registered here runs in each child process
}

static int items_handler(request_rec *r) {
  if (strcmp(r->handler, "items"))
    return DECLINED;
  if (mysql_query(conn, "SELECT name FROM items WHERE id = 1") != 0)
    // CHECK: apache-directive.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by mysql_query()
    return HTTP_INTERNAL_SERVER_ERROR;
  ap_set_content_type(r, "text/plain");
  return OK;
}

AP_DECLARE_MODULE(items) = {
    STANDARD20_MODULE_STUFF,
    NULL,                /* create per-directory config structure */
    NULL,                /* merge per-directory config structures */
    NULL,                /* create per-server config structure */
    NULL,                /* merge per-server config structures */
    items_cmds,          /* command table */
    items_register_hooks /* register hooks */
};
// CHECK: apache-directive.c:[[#DEF]]:15: note: connect in a child_init hook instead (ap_hook_child_init)
// CHECK: apache-directive.c:[[#DEF+9]]:3: note: move this connect into 'items_child_init', which Apache httpd runs in each worker process after it forks (not moved automatically: it is not an expression statement)
