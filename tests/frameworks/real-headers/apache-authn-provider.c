// Apache httpd 2.4, real headers (mod_auth.h): a connection opened in a
// post_config hook (the parent) and used by an authentication provider's
// check_password, registered with ap_register_auth_provider() and called by
// mod_auth_basic in each child, the pattern of mod_auth_mysql-style modules.
// The fix connects in a child_init hook.
// REQUIRES: apache2-dev, mariadb-headers
// RUN: clang-19 -fsyntax-only %apache_flags %s
// RUN: clang-19 -fsyntax-only %apache_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S apache-authn-provider.c -- %apache_flags
// RUN: %make_compdb %t/fixed %S apache-authn-provider.c -- %apache_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "httpd.h"
#include "http_config.h"
#include "http_request.h"
#include "mod_auth.h"
#include "ap_provider.h"
#include "apr_strings.h"
#include "ap_release.h"
#include <mysql.h>
#if AP_SERVER_MAJORVERSION_NUMBER != 2 || AP_SERVER_MINORVERSION_NUMBER != 4
#error "not Apache httpd 2.4's headers"
#endif

static MYSQL *conn;
// CHECK: apache-authn-provider.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when Apache httpd forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void authn_items_connect(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "localhost", "auth", "secret", "users", 0, NULL, 0);
  // CHECK: apache-authn-provider.c:[[#@LINE-1]]:3: note: 'conn' connected here by mysql_real_connect()
}

static int authn_items_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                   apr_pool_t *ptemp, server_rec *s) {
#ifndef FIXED
  authn_items_connect();
#endif
  return OK;
}

static void authn_items_child_init(apr_pool_t *p, server_rec *s) {
#ifdef FIXED
  authn_items_connect();
#endif
}

static authn_status authn_items_check_password(request_rec *r, const char *user,
                                               const char *password);

static const authn_provider authn_items_provider;

static void authn_items_register_hooks(apr_pool_t *p) {
  ap_register_auth_provider(p, AUTHN_PROVIDER_GROUP, "items",
                            AUTHN_PROVIDER_VERSION, &authn_items_provider,
                            AP_AUTH_INTERNAL_PER_CONF);
  ap_hook_post_config(authn_items_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache-authn-provider.c:[[#@LINE-1]]:23: note: Apache httpd runs 'authn_items_post_config' (post_config) in the parent process before it forks the children (post_config may run more than once)
  ap_hook_child_init(authn_items_child_init, NULL, NULL, APR_HOOK_MIDDLE);
}

static const authn_provider authn_items_provider = {
    &authn_items_check_password, /* check_password */
    // CHECK: apache-authn-provider.c:[[#@LINE-1]]:5: note: the authentication provider function 'authn_items_check_password' (check_password) registered here runs in each child process
    NULL                         /* get_realm_hash */
};

static authn_status authn_items_check_password(request_rec *r, const char *user,
                                               const char *password) {
  char query[256];
  MYSQL_RES *res;
  authn_status st;

  apr_snprintf(query, sizeof(query),
               "SELECT 1 FROM users WHERE name = '%s' AND pw = SHA2('%s', 256)",
               user, password); /* (escaping elided) */
  if (mysql_query(conn, query) != 0)
    // CHECK: apache-authn-provider.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by mysql_query()
    return AUTH_GENERAL_ERROR;
  res = mysql_store_result(conn);
  st = res != NULL && mysql_num_rows(res) == 1 ? AUTH_GRANTED : AUTH_DENIED;
  mysql_free_result(res);
  return st;
}

AP_DECLARE_MODULE(authn_items) = {STANDARD20_MODULE_STUFF, NULL, NULL, NULL,
                                  NULL, NULL, authn_items_register_hooks};
// CHECK: apache-authn-provider.c:[[#DEF]]:15: note: connect in a child_init hook instead (ap_hook_child_init)
// CHECK: apache-authn-provider.c:[[#DEF+12]]:3: note: fix-it: move this connect into 'authn_items_child_init', which Apache httpd runs in each worker process after it forks
