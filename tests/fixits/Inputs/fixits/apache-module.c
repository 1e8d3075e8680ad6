/* Apache httpd: post_config (the parent, before the children fork) calls
 * the helper that connects; the module's child_init hook is still empty. */
#include <httpd.h>
#include <mysql.h>
#include <stddef.h>

static MYSQL *conn;

static void open_db(void) {
  conn = mysql_init(NULL);
  mysql_real_connect(conn, "localhost", "app", "secret", "shop", 0, NULL, 0);
}

static int items_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s) {
  open_db();
  return OK;
}

static void items_child_init(apr_pool_t *p, server_rec *s) {
}

static int items_handler(request_rec *r) {
  mysql_query(conn, "SELECT name FROM items WHERE id = 1");
  return OK;
}

static void items_register_hooks(apr_pool_t *p) {
  ap_hook_post_config(items_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  ap_hook_child_init(items_child_init, NULL, NULL, APR_HOOK_MIDDLE);
  ap_hook_handler(items_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

module items_module = {STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL,
                       items_register_hooks, 0};
