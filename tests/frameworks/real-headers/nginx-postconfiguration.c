// nginx, real headers: a connection opened in postconfiguration (the master,
// while it reads the configuration) by the function that also pushes an
// access-phase handler (cmcf->phases[...].handlers); the phase handler
// queries in each worker. The fix connects in init_process, in worker
// processes only.
// REQUIRES: nginx-dev, mariadb-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-postconfiguration.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-postconfiguration.c -- %nginx_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <mysql.h>
#ifndef NGX_COMPAT
#error "not Debian's nginx tree configured --with-compat"
#endif

static ngx_int_t items_init(ngx_conf_t *cf);
static ngx_int_t items_init_process(ngx_cycle_t *cycle);
static ngx_int_t items_access_handler(ngx_http_request_t *r);

static MYSQL *conn;
// CHECK: nginx-postconfiguration.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_connect(ngx_log_t *log) {
  conn = mysql_init(NULL);
  if (conn == NULL ||
      mysql_real_connect(conn, "localhost", "app", "secret", "shop", 0, NULL,
                         0) == NULL) {
    // CHECK: nginx-postconfiguration.c:[[#@LINE-2]]:7: note: 'conn' connected here by mysql_real_connect()
    ngx_log_error(NGX_LOG_EMERG, log, 0, "items: %s", mysql_error(conn));
    return NGX_ERROR;
  }
  return NGX_OK;
}

static ngx_http_module_t items_module_ctx = {
    NULL,       /* preconfiguration */
    items_init, /* postconfiguration */
    // CHECK: nginx-postconfiguration.c:[[#@LINE-1]]:5: note: nginx runs 'items_init' (postconfiguration) in the master process while it reads the configuration, before it forks the workers
    NULL,       /* create main configuration */
    NULL,       /* init main configuration */
    NULL,       /* create server configuration */
    NULL,       /* merge server configuration */
    NULL,       /* create location configuration */
    NULL        /* merge location configuration */
};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,  /* module context */
    NULL,               /* module directives */
    NGX_HTTP_MODULE,    /* module type */
    NULL,               /* init master */
    NULL,               /* init module */
    items_init_process, /* init process */
    NULL,               /* init thread */
    NULL,               /* exit thread */
    NULL,               /* exit process */
    NULL,               /* exit master */
    NGX_MODULE_V1_PADDING};

static ngx_int_t items_init(ngx_conf_t *cf) {
  ngx_http_handler_pt *h;
  ngx_http_core_main_conf_t *cmcf;

  cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);
  h = ngx_array_push(&cmcf->phases[NGX_HTTP_ACCESS_PHASE].handlers);
  if (h == NULL)
    return NGX_ERROR;
  *h = items_access_handler;
  // CHECK: nginx-postconfiguration.c:[[#@LINE-1]]:8: note: the phase handler 'items_access_handler' registered here runs in each worker process
#ifndef FIXED
  return items_connect(cf->log);
#else
  return NGX_OK;
#endif
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  if (ngx_process == NGX_PROCESS_WORKER)
    return items_connect(cycle->log);
#endif
  return NGX_OK;
}

static ngx_int_t items_access_handler(ngx_http_request_t *r) {
  MYSQL_RES *res;
  int allowed;

  if (mysql_query(conn, "SELECT 1 FROM acl WHERE ip = '127.0.0.1'") != 0)
    // CHECK: nginx-postconfiguration.c:[[#@LINE-1]]:7: note: 'conn' used here in the child process by mysql_query()
    return NGX_HTTP_INTERNAL_SERVER_ERROR;
  res = mysql_store_result(conn);
  allowed = res != NULL && mysql_num_rows(res) > 0;
  mysql_free_result(res);
  return allowed ? NGX_DECLINED : NGX_HTTP_FORBIDDEN;
}
// CHECK: nginx-postconfiguration.c:[[#DEF]]:15: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx-postconfiguration.c:[[#DEF+52]]:3: note: move this connect into 'items_init_process', which nginx runs in each worker process after it forks (not moved automatically: it is not an expression statement)
