// lighttpd in multi-process mode (server.max-worker > 0): when a worker
// exits, plugins_free() runs every plugin's cleanup in it; a connection
// made by set_defaults in the parent is then closed by each exiting worker
// (MySQL COM_QUIT on the connection the parent and the other workers share:
// lighttpd 1.4.69's mod_vhostdb_mysql). The fix connects in worker_init, so
// each worker closes its own.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <lighttpd-plugin.h>
#include <mysql.h>
#include <stdlib.h>

static MYSQL *vhost_db;
// CHECK: lighttpd-cleanup.c:[[#DEF:@LINE-1]]:15: warning: 'vhost_db' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session

static handler_t vhost_connect(void) {
  vhost_db = mysql_init(NULL);
  if (vhost_db == NULL ||
      mysql_real_connect(vhost_db, "localhost", "www", "secret", "vhosts", 0,
                         NULL, 0) == NULL)
    return HANDLER_ERROR;
  return HANDLER_GO_ON;
}

static handler_t mod_vhostmy_set_defaults(server *srv, void *p_d) {
#ifndef FIXED
  return vhost_connect();
#else
  return HANDLER_GO_ON;
#endif
}

static handler_t mod_vhostmy_worker_init(server *srv, void *p_d) {
#ifdef FIXED
  return vhost_connect();
#else
  return HANDLER_GO_ON;
#endif
}

static void mod_vhostmy_cleanup(void *p_d) {
  if (vhost_db != NULL)
    mysql_close(vhost_db);
  free(p_d);
}

int mod_vhostmy_plugin_init(plugin *p) {
  p->version = LIGHTTPD_VERSION_ID;
  p->name = "vhostmy";
  p->set_defaults = mod_vhostmy_set_defaults;
  p->worker_init = mod_vhostmy_worker_init;
  p->cleanup = mod_vhostmy_cleanup;
  return 0;
}
// CHECK: lighttpd-cleanup.c:[[#DEF+6]]:7: note: 'vhost_db' connected here by mysql_real_connect()
// CHECK: lighttpd-cleanup.c:[[#DEF+37]]:21: note: lighttpd runs 'mod_vhostmy_set_defaults' (set_defaults) in the parent process while it reads the configuration, before it forks the workers (server.max-worker > 0)
// CHECK: lighttpd-cleanup.c:[[#DEF+39]]:16: note: lighttpd runs 'mod_vhostmy_cleanup' (cleanup) in each worker process when it exits (plugins_free), as well as in the parent
// CHECK: lighttpd-cleanup.c:[[#DEF+30]]:5: note: 'vhost_db' closed here in the child process by mysql_close()
// CHECK: lighttpd-cleanup.c:[[#DEF]]:15: note: leave the child with _exit()
