// lighttpd in multi-process mode (server.max-worker > 0): set_defaults runs
// in the parent before it forks the workers; a connection made there is
// shared by every worker's request handlers. The fix connects in
// worker_init, which each worker runs after the fork.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <lighttpd-plugin.h>
#include <libpq-fe.h>
#include <stdlib.h>

static PGconn *vhost_db;
// CHECK: lighttpd.c:[[#DEF:@LINE-1]]:16: warning: 'vhost_db' (PostgreSQL libpq) is connected when lighttpd in multi-process mode (server.max-worker > 0) forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void *mod_vhostpg_init(void) { return calloc(1, 16); }

static handler_t mod_vhostpg_set_defaults(server *srv, void *p_d) {
#ifndef FIXED
  vhost_db = PQconnectdb("dbname=vhosts");
  // CHECK: lighttpd.c:[[#@LINE-1]]:14: note: 'vhost_db' created here by PQconnectdb()
#endif
  return HANDLER_GO_ON;
}

static handler_t mod_vhostpg_worker_init(server *srv, void *p_d) {
#ifdef FIXED
  vhost_db = PQconnectdb("dbname=vhosts");
#endif
  return HANDLER_GO_ON;
}

static handler_t mod_vhostpg_docroot(request_st *r, void *p_d) {
  PGresult *res = PQexec(vhost_db, "SELECT docroot FROM vhosts");
  PQclear(res);
  return HANDLER_GO_ON;
}

int mod_vhostpg_plugin_init(plugin *p) {
  p->version = LIGHTTPD_VERSION_ID;
  p->name = "vhostpg";
  p->init = mod_vhostpg_init;
  p->set_defaults = mod_vhostpg_set_defaults;
  // CHECK: lighttpd.c:[[#@LINE-1]]:21: note: lighttpd runs 'mod_vhostpg_set_defaults' (set_defaults) in the parent process while it reads the configuration, before it forks the workers (server.max-worker > 0)
  p->worker_init = mod_vhostpg_worker_init;
  p->handle_docroot = mod_vhostpg_docroot;
  // CHECK: lighttpd.c:[[#@LINE-1]]:23: note: lighttpd runs 'mod_vhostpg_docroot' (handle_docroot) in each worker process to find the document root
  return 0;
}
// CHECK: lighttpd.c:[[#DEF+21]]:19: note: 'vhost_db' used here in the child process by PQexec()
// CHECK: lighttpd.c:[[#DEF]]:16: note: connect in the plugin's worker_init hook
// CHECK: lighttpd.c:[[#DEF+7]]:3: note: fix-it: move this connect into 'mod_vhostpg_worker_init'
