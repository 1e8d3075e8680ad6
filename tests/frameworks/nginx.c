// nginx: a connection opened in init_module (the master, before the workers
// fork) and used by an HTTP handler in each worker. The fix connects in
// init_process instead.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <libpq-fe.h>
#include <ngx_core.h>

static PGconn *db;
// CHECK: nginx.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
#ifndef FIXED
  db = PQconnectdb("dbname=shop");
  // CHECK: nginx.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
#endif
  (void)cycle;
  return NGX_OK;
}

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
#ifdef FIXED
  db = PQconnectdb("dbname=shop");
#endif
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
    // CHECK: nginx.c:[[#@LINE-1]]:5: note: nginx runs 'items_init_module' (init_module) in the master process before it forks the workers, and again on every reload
    items_init_process, /* init process */
    NULL,               /* init thread */
    NULL,               /* exit thread */
    NULL,               /* exit process */
    NULL,               /* exit master */
    NGX_MODULE_V1_PADDING};
// CHECK: nginx.c:[[#DEF+29]]:19: note: the handler 'items_handler' registered here runs in each worker process
// CHECK: nginx.c:[[#DEF+21]]:3: note: 'db' used here in the child process by PQexec()
// CHECK: nginx.c:[[#DEF]]:16: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx.c:[[#DEF+5]]:3: note: fix-it: move this connect into 'items_init_process', which nginx runs in each worker process after it forks
