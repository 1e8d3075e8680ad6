// nginx, real headers: a connection opened in init_module (the master) and
// used by a body filter, which nginx runs in each worker for every response
// (filters are chained through ngx_http_top_body_filter in
// postconfiguration). The fix connects in init_process, in worker processes
// only.
// REQUIRES: nginx-dev, libpq-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-filter.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-filter.c -- %nginx_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <libpq-fe.h>
#ifndef NGX_COMPAT
#error "not Debian's nginx tree configured --with-compat"
#endif

static ngx_int_t items_filter_init(ngx_conf_t *cf);
static ngx_int_t items_init_process(ngx_cycle_t *cycle);
static ngx_int_t items_body_filter(ngx_http_request_t *r, ngx_chain_t *in);

static ngx_http_output_body_filter_pt ngx_http_next_body_filter;

static PGconn *db;
// CHECK: nginx-filter.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
#ifndef FIXED
  db = PQconnectdb("dbname=stats");
  // CHECK: nginx-filter.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
#endif
  return NGX_OK;
}

static ngx_http_module_t items_filter_module_ctx = {
    NULL,              /* preconfiguration */
    items_filter_init, /* postconfiguration */
    NULL, NULL, NULL, NULL, NULL, NULL};

ngx_module_t ngx_http_items_filter_module = {
    NGX_MODULE_V1,
    &items_filter_module_ctx, /* module context */
    NULL,                     /* module directives */
    NGX_HTTP_MODULE,          /* module type */
    NULL,                     /* init master */
    items_init_module,        /* init module */
    // CHECK: nginx-filter.c:[[#@LINE-1]]:5: note: nginx runs 'items_init_module' (init_module) in the master process before it forks the workers, and again on every reload
    items_init_process,       /* init process */
    NULL,                     /* init thread */
    NULL,                     /* exit thread */
    NULL,                     /* exit process */
    NULL,                     /* exit master */
    NGX_MODULE_V1_PADDING};

static ngx_int_t items_filter_init(ngx_conf_t *cf) {
  ngx_http_next_body_filter = ngx_http_top_body_filter;
  ngx_http_top_body_filter = items_body_filter;
  // CHECK: nginx-filter.c:[[#@LINE-1]]:30: note: the body filter 'items_body_filter' registered here runs in each worker process
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  if (ngx_process == NGX_PROCESS_WORKER)
    db = PQconnectdb("dbname=stats");
#endif
  return NGX_OK;
}

static ngx_int_t items_body_filter(ngx_http_request_t *r, ngx_chain_t *in) {
  ngx_chain_t *cl;

  for (cl = in; cl; cl = cl->next) {
    if (cl->buf->last_buf) {
      PQclear(PQexec(db, "UPDATE stats SET responses = responses + 1"));
      // CHECK: nginx-filter.c:[[#@LINE-1]]:15: note: 'db' used here in the child process by PQexec()
      break;
    }
  }
  return ngx_http_next_body_filter(r, in);
}
// CHECK: nginx-filter.c:[[#DEF]]:16: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx-filter.c:[[#DEF+5]]:3: note: fix-it: move this connect into 'items_init_process', which nginx runs in each worker process after it forks
