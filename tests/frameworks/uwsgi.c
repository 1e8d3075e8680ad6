// uWSGI C plugins: init runs in the master before the workers are forked;
// post_fork runs in each worker; request serves requests in a worker.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <mysql.h>
#include <stddef.h>
#include <uwsgi.h>

static MYSQL *db;
// CHECK: uwsgi.c:[[#DEF:@LINE-1]]:15: warning: 'db' (MySQL/MariaDB C API) is connected when uWSGI forks its worker processes and is used in the child process

static void connect_db(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "localhost", "app", "secret", "shop", 0, NULL, 0);
  // CHECK: uwsgi.c:[[#@LINE-1]]:3: note: 'db' connected here by mysql_real_connect()
}

static int items_init(void) {
#ifndef FIXED
  connect_db();
#endif
  return 0;
}

static void items_post_fork(void) {
#ifdef FIXED
  connect_db();
#endif
}

static int items_request(struct wsgi_request *wsgi_req) {
  mysql_query(db, "SELECT name FROM items WHERE id = 1");
  return UWSGI_OK;
}

struct uwsgi_plugin items_plugin = {
    .name = "items",
    .init = items_init,
    // CHECK: uwsgi.c:[[#@LINE-1]]:13: note: uWSGI runs 'items_init' (init) in the master process before it forks the workers
    .post_fork = items_post_fork,
    .request = items_request,
    // CHECK: uwsgi.c:[[#@LINE-1]]:16: note: uWSGI runs 'items_request' (request) in each worker process
};
// CHECK: uwsgi.c:[[#DEF+23]]:3: note: 'db' used here in the child process by mysql_query()
// CHECK: uwsgi.c:[[#DEF]]:15: note: connect in the plugin's post_fork hook instead
// CHECK: uwsgi.c:[[#DEF+11]]:3: note: fix-it: move this connect into 'items_post_fork', which uWSGI runs in each worker process after it forks
