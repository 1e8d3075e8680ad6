// nginx, real headers: a connection opened in init_module (the master,
// before the workers fork, and again on every reload) and used by the content
// handler that postconfiguration installs (clcf->handler) in each worker.
// The fix connects in init_process, in worker processes only.
// REQUIRES: nginx-dev, libpq-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-init-module.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-init-module.c -- %nginx_flags -DFIXED
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
static ngx_int_t items_handler(ngx_http_request_t *r);

static PGconn *db;
// CHECK: nginx-init-module.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
#ifndef FIXED
  db = PQconnectdb("dbname=shop");
  // CHECK: nginx-init-module.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
  if (PQstatus(db) != CONNECTION_OK) {
    ngx_log_error(NGX_LOG_EMERG, cycle->log, 0, "items: %s",
                  PQerrorMessage(db));
    return NGX_ERROR;
  }
#endif
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  if (ngx_process != NGX_PROCESS_WORKER)
    return NGX_OK; /* not in the cache manager or loader */
  db = PQconnectdb("dbname=shop");
#endif
  return NGX_OK;
}

static ngx_http_module_t items_module_ctx = {
    NULL,                    /* preconfiguration */
    items_postconfiguration, /* postconfiguration */
    NULL,                    /* create main configuration */
    NULL,                    /* init main configuration */
    NULL,                    /* create server configuration */
    NULL,                    /* merge server configuration */
    NULL,                    /* create location configuration */
    NULL                     /* merge location configuration */
};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,  /* module context */
    NULL,               /* module directives */
    NGX_HTTP_MODULE,    /* module type */
    NULL,               /* init master */
    items_init_module,  /* init module */
    // CHECK: nginx-init-module.c:[[#@LINE-1]]:5: note: nginx runs 'items_init_module' (init_module) in the master process before it forks the workers, and again on every reload
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
  // CHECK: nginx-init-module.c:[[#@LINE-1]]:19: note: the handler 'items_handler' registered here runs in each worker process
  return NGX_OK;
}

static ngx_int_t items_handler(ngx_http_request_t *r) {
  PGresult *res;
  ngx_buf_t *b;
  ngx_chain_t out;
  ngx_int_t rc;

  res = PQexec(db, "SELECT name FROM items WHERE id = 1");
  // CHECK: nginx-init-module.c:[[#@LINE-1]]:9: note: 'db' used here in the child process by PQexec()
  if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
    PQclear(res);
    return NGX_HTTP_INTERNAL_SERVER_ERROR;
  }
  b = ngx_create_temp_buf(r->pool, ngx_strlen(PQgetvalue(res, 0, 0)));
  if (b == NULL) {
    PQclear(res);
    return NGX_HTTP_INTERNAL_SERVER_ERROR;
  }
  b->last = ngx_cpymem(b->last, PQgetvalue(res, 0, 0), b->end - b->start);
  b->last_buf = 1;
  PQclear(res);
  r->headers_out.status = NGX_HTTP_OK;
  r->headers_out.content_length_n = b->last - b->pos;
  rc = ngx_http_send_header(r);
  if (rc == NGX_ERROR || rc > NGX_OK || r->header_only)
    return rc;
  out.buf = b;
  out.next = NULL;
  return ngx_http_output_filter(r, &out);
}
// CHECK: nginx-init-module.c:[[#DEF]]:16: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER, since init_process also runs in the cache manager and loader), or lazily on the first request in each worker; do not close the inherited handle in the worker
// CHECK: nginx-init-module.c:[[#DEF+5]]:3: note: move this connect into 'items_init_process', which nginx runs in each worker process after it forks (not moved automatically: 'items_init_module' uses the handle outside this statement)
