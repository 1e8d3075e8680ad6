// nginx, real headers: a connection opened in init_module (the master) and
// used by a timer's event handler, armed in init_process; nginx runs event
// handlers in the workers (the master runs no event loop). The fix connects
// in init_process, in worker processes only.
// REQUIRES: nginx-dev, libpq-headers
// RUN: %configure_nginx
// RUN: clang-19 -fsyntax-only %nginx_flags %s
// RUN: clang-19 -fsyntax-only %nginx_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S nginx-event-timer.c -- %nginx_flags
// RUN: %make_compdb %t/fixed %S nginx-event-timer.c -- %nginx_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <libpq-fe.h>
#ifndef NGX_COMPAT
#error "not Debian's nginx tree configured --with-compat"
#endif

static ngx_int_t items_init_process(ngx_cycle_t *cycle);
static void items_expire(ngx_event_t *ev);

static ngx_event_t items_timer;

static PGconn *db;
// CHECK: nginx-event-timer.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static ngx_int_t items_init_module(ngx_cycle_t *cycle) {
#ifndef FIXED
  db = PQconnectdb("dbname=shop");
  // CHECK: nginx-event-timer.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
#endif
  return NGX_OK;
}

static ngx_http_module_t items_module_ctx = {NULL, NULL, NULL, NULL,
                                             NULL, NULL, NULL, NULL};

ngx_module_t ngx_http_items_module = {
    NGX_MODULE_V1,
    &items_module_ctx,  /* module context */
    NULL,               /* module directives */
    NGX_HTTP_MODULE,    /* module type */
    NULL,               /* init master */
    items_init_module,  /* init module */
    // CHECK: nginx-event-timer.c:[[#@LINE-1]]:5: note: nginx runs 'items_init_module' (init_module) in the master process before it forks the workers, and again on every reload
    items_init_process, /* init process */
    NULL,               /* init thread */
    NULL,               /* exit thread */
    NULL,               /* exit process */
    NULL,               /* exit master */
    NGX_MODULE_V1_PADDING};

static ngx_int_t items_init_process(ngx_cycle_t *cycle) {
  if (ngx_process != NGX_PROCESS_WORKER)
    return NGX_OK;
#ifdef FIXED
  db = PQconnectdb("dbname=shop");
#endif
  items_timer.handler = items_expire;
  // CHECK: nginx-event-timer.c:[[#@LINE-1]]:25: note: the event handler 'items_expire' registered here runs in each worker process (the master runs no event loop)
  items_timer.log = cycle->log;
  items_timer.data = cycle;
  items_timer.cancelable = 1;
  ngx_add_timer(&items_timer, 60000);
  return NGX_OK;
}

static void items_expire(ngx_event_t *ev) {
  PQclear(PQexec(db, "DELETE FROM sessions WHERE expires < now()"));
  // CHECK: nginx-event-timer.c:[[#@LINE-1]]:11: note: 'db' used here in the child process by PQexec()
  if (!ngx_exiting)
    ngx_add_timer(ev, 60000);
}
// CHECK: nginx-event-timer.c:[[#DEF]]:16: note: connect in init_process instead (check ngx_process == NGX_PROCESS_WORKER
// CHECK: nginx-event-timer.c:[[#DEF+5]]:3: note: fix-it: move this connect into 'items_init_process', which nginx runs in each worker process after it forks
