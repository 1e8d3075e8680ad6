// A project adds its own helper to nginx's worker model with a rule file that
// 'extends' nginx: items_load_dsn runs in the master (the module calls it from
// code the rules cannot see), and its connection reaches a handler that nginx
// runs in each worker. Without the rule file the helper is an unknown root.
// RUN: %expect_exit 1 %forksafe --rules=%S/Inputs/nginx-extra.json %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --rules=%S/Inputs/nginx-extra.json %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks | count 0
// An 'extends' naming a framework that is not loaded is one error line:
// RUN: %expect_exit 2 %forksafe --rules=%S/Inputs/nginx-extra-bad-extends.json --list-checks 2>&1 >/dev/null | FileCheck %s --check-prefix=BAD
// BAD: nginx-extra-bad-extends.json:4:3: key 'extends' names framework 'nginx-plus', which is not loaded (load its rule file first)
#include <libpq-fe.h>
#include <ngx_core.h>

static PGconn *db;
// CHECK: user-rule-file-extends.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when nginx forks its worker processes and is used in the child process

void items_load_dsn(void) {
#ifndef FIXED
  db = PQconnectdb("dbname=shop");
  // CHECK: user-rule-file-extends.c:[[#CONNECT:@LINE-1]]:8: note: 'db' created here by PQconnectdb()
  // CHECK: user-rule-file-extends.c:[[#@LINE-4]]:6: note: 'items_load_dsn' runs in the nginx master before the workers fork (items-module's own hook)
#endif
}

static ngx_int_t items_handler(ngx_http_request_t *r) {
#ifdef FIXED
  if (!db)
    db = PQconnectdb("dbname=shop"); // lazily, in the worker
#endif
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
// CHECK: user-rule-file-extends.c:[[#DEF+24]]:19: note: the handler 'items_handler' registered here runs in each worker process
// CHECK: user-rule-file-extends.c:[[#DEF+16]]:3: note: 'db' used here in the child process by PQexec()
// CHECK: user-rule-file-extends.c:[[#DEF]]:16: note: connect in init_process instead
// CHECK: user-rule-file-extends.c:[[#CONNECT]]:{{[0-9]+}}: note: move this connect into
