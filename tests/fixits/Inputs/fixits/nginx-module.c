/* nginx: the connection is opened in init_module (the master, before the
 * workers fork) and used by the HTTP handler in each worker; the module
 * already has an init_process hook to move it into. */
#include <libpq-fe.h>
#include <ngx_core.h>

static PGconn *db;

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
  db = PQconnectdb("dbname=shop");
  (void)cycle;
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
  (void)cycle;
  return NGX_OK;
}

static ngx_int_t items_handler(ngx_http_request_t *r) {
  PQexec(db, "SELECT name FROM items WHERE id = 1");
  (void)r;
  return NGX_OK;
}

static ngx_int_t items_postconfiguration(ngx_conf_t *cf) {
  ngx_http_core_loc_conf_t *clcf =
      ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
  clcf->handler = items_handler;
  return NGX_OK;
}

static ngx_http_module_t items_module_ctx = {
    NULL, items_postconfiguration, NULL, NULL, NULL, NULL, NULL, NULL};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,
    NULL,
    NGX_HTTP_MODULE,
    NULL,               /* init master */
    items_init_module,  /* init module */
    items_init_process, /* init process */
    NULL,               /* init thread */
    NULL,               /* exit thread */
    NULL,               /* exit process */
    NULL,               /* exit master */
    NGX_MODULE_V1_PADDING};
