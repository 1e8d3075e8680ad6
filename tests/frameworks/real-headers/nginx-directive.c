// nginx, real headers: a connection opened by a directive handler
// (ngx_command_t.set), which nginx runs in the master while it reads the
// configuration, and used by the content handler in each worker. The fix
// keeps only the connection string in the directive handler and connects in
// init_process, in worker processes only.
// REQUIRES: nginx-dev, libpq-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-directive.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-directive.c -- %nginx_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <libpq-fe.h>
#ifndef NGX_COMPAT
#error "not Debian's nginx tree configured --with-compat"
#endif

static ngx_int_t items_postconfiguration(ngx_conf_t *cf);
static ngx_int_t items_init_process(ngx_cycle_t *cycle);
static ngx_int_t items_handler(ngx_http_request_t *r);

static PGconn *db;
// CHECK: nginx-directive.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static char items_conninfo[256];

/* items_db "dbname=shop"; */
static char *items_db(ngx_conf_t *cf, ngx_command_t *cmd, void *conf) {
  ngx_str_t *value = cf->args->elts;

  if (value[1].len >= sizeof(items_conninfo))
    return "is too long";
  ngx_cpystrn((u_char *)items_conninfo, value[1].data, value[1].len + 1);
#ifndef FIXED
  db = PQconnectdb(items_conninfo);
  // CHECK: nginx-directive.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
  if (PQstatus(db) != CONNECTION_OK)
    return "cannot connect";
#endif
  return NGX_CONF_OK;
}

static ngx_command_t items_commands[] = {
    {ngx_string("items_db"), NGX_HTTP_MAIN_CONF | NGX_CONF_TAKE1, items_db, 0,
     // CHECK: nginx-directive.c:[[#@LINE-1]]:67: note: nginx runs the directive handler 'items_db' in the master process while it reads the configuration, before it forks the workers
     0, NULL},
    ngx_null_command};

static ngx_http_module_t items_module_ctx = {
    NULL,                    /* preconfiguration */
    items_postconfiguration, /* postconfiguration */
    NULL, NULL, NULL, NULL, NULL, NULL};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,  /* module context */
    items_commands,     /* module directives */
    NGX_HTTP_MODULE,    /* module type */
    NULL,               /* init master */
    NULL,               /* init module */
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
  // CHECK: nginx-directive.c:[[#@LINE-1]]:19: note: the handler 'items_handler' registered here runs in each worker process
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  if (ngx_process == NGX_PROCESS_WORKER)
    db = PQconnectdb(items_conninfo);
#endif
  return NGX_OK;
}

static ngx_int_t items_handler(ngx_http_request_t *r) {
  PGresult *res = PQexec(db, "SELECT name FROM items WHERE id = 1");
  // CHECK: nginx-directive.c:[[#@LINE-1]]:19: note: 'db' used here in the child process by PQexec()
  ngx_int_t ok = PQresultStatus(res) == PGRES_TUPLES_OK;

  PQclear(res);
  if (!ok)
    return NGX_HTTP_INTERNAL_SERVER_ERROR;
  r->headers_out.status = NGX_HTTP_NO_CONTENT;
  r->header_only = 1;
  return ngx_http_send_header(r);
}
// CHECK: nginx-directive.c:[[#DEF]]:16: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx-directive.c:[[#DEF+12]]:3: note: move this connect into 'items_init_process', which nginx runs in each worker process after it forks (not moved automatically: 'items_db' uses the handle outside this statement)
