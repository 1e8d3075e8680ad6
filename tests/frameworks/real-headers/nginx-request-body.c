// nginx, real headers: a connection opened in init_module (the master) and
// used by the request body handler that the content handler passes to
// ngx_http_read_client_request_body(); nginx calls it in the worker once the
// body has been read. The fix connects in init_process, in worker processes
// only.
// REQUIRES: nginx-dev, mariadb-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-request-body.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-request-body.c -- %nginx_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <mysql.h>
#ifndef NGX_COMPAT
#error "not Debian's nginx tree configured --with-compat"
#endif

static ngx_int_t items_postconfiguration(ngx_conf_t *cf);
static ngx_int_t items_init_process(ngx_cycle_t *cycle);
static ngx_int_t items_handler(ngx_http_request_t *r);
static void items_body_handler(ngx_http_request_t *r);

static MYSQL *conn;
// CHECK: nginx-request-body.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_connect(void) {
  conn = mysql_init(NULL);
  if (!mysql_real_connect(conn, "localhost", "app", "secret", "shop", 0, NULL, 0))
    // CHECK: nginx-request-body.c:[[#@LINE-1]]:8: note: 'conn' connected here by mysql_real_connect()
    return NGX_ERROR;
  return NGX_OK;
}

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
#ifndef FIXED
  return items_connect();
#else
  return NGX_OK;
#endif
}

static ngx_http_module_t items_module_ctx = {
    NULL,                    /* preconfiguration */
    items_postconfiguration, /* postconfiguration */
    NULL, NULL, NULL, NULL, NULL, NULL};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,  /* module context */
    NULL,               /* module directives */
    NGX_HTTP_MODULE,    /* module type */
    NULL,               /* init master */
    items_init_module,  /* init module */
    // CHECK: nginx-request-body.c:[[#@LINE-1]]:5: note: nginx runs 'items_init_module' (init_module) in the master process before it forks the workers, and again on every reload
    items_init_process, /* init process */
    NULL,               /* init thread */
    NULL,               /* exit thread */
    NULL,               /* exit process */
    NULL,               /* exit master */
    NGX_MODULE_V1_PADDING};

static ngx_int_t items_postconfiguration(ngx_conf_t *cf) {
  ngx_http_core_loc_conf_t *clcf;

  clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
  clcf->handler = items_handler;
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  if (ngx_process == NGX_PROCESS_WORKER)
    return items_connect();
#endif
  return NGX_OK;
}

static ngx_int_t items_handler(ngx_http_request_t *r) {
  ngx_int_t rc;

  if (!(r->method & NGX_HTTP_POST))
    return NGX_HTTP_NOT_ALLOWED;
  rc = ngx_http_read_client_request_body(r, items_body_handler);
  // CHECK: nginx-request-body.c:[[#@LINE-1]]:45: note: the request body handler 'items_body_handler' registered here runs in each worker process
  if (rc >= NGX_HTTP_SPECIAL_RESPONSE)
    return rc;
  return NGX_DONE;
}

static void items_body_handler(ngx_http_request_t *r) {
  ngx_int_t rc = NGX_HTTP_NO_CONTENT;

  if (r->request_body == NULL || r->request_body->bufs == NULL) {
    ngx_http_finalize_request(r, NGX_HTTP_BAD_REQUEST);
    return;
  }
  if (mysql_query(conn, "INSERT INTO items (name) VALUES ('posted')") != 0)
    // CHECK: nginx-request-body.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by mysql_query()
    rc = NGX_HTTP_INTERNAL_SERVER_ERROR;
  ngx_http_finalize_request(r, rc);
}
// CHECK: nginx-request-body.c:[[#DEF]]:15: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx-request-body.c:[[#DEF+13]]:3: note: move this connect into 'items_init_process', which nginx runs in each worker process after it forks (not moved automatically: it is not an expression statement)
