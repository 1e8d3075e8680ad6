// Against the real <mod_dbd.h> (apache2-dev, httpd 2.4) and <apr_dbd.h>. A
// module takes a once-only connection with ap_dbd_open() in post_config
// (the parent, DBDPersist Off) and every child serves requests on it; on a
// query error the handler "reconnects" with ap_dbd_close() + ap_dbd_open(),
// and the close sends Terminate/COM_QUIT on the socket the parent and all
// sibling children share. The fix takes a connection from the child's own
// pool with ap_dbd_acquire() in the request.
// (The queries through 'dbd->handle' are not yet tied to the ap_dbd_t, so
// only the close is reported.)
// REQUIRES: mod-dbd-headers
// RUN: %expect_exit 1 %forksafe %s -- -DLINUX -D_REENTRANT -D_GNU_SOURCE -I/usr/include/apache2 -I/usr/include/apr-1.0 | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -DLINUX -D_REENTRANT -D_GNU_SOURCE -I/usr/include/apache2 -I/usr/include/apr-1.0 -DFIXED | count 0
#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "apr_dbd.h"
#include "mod_dbd.h"
#include <string.h>

#ifndef FIXED
static ap_dbd_t *dbd;
// CHECK: httpd-mod-dbd.c:[[#DEF:@LINE-1]]:18: warning: 'dbd' (httpd mod_dbd) is inherited by a child process and closed there: with DBDPersist Off, destroying the record's pool runs apr_dbd_close(): Terminate/COM_QUIT on the shared socket; with a pool, the parent's connection goes into the child's pool, which hands it to the child's requests and closes it there [forksafe-inherited-handle-close]

static int counter_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp, server_rec *s) {
  dbd = ap_dbd_open(pconf, s);
  // CHECK: httpd-mod-dbd.c:[[#@LINE-1]]:9: note: 'dbd' created here by ap_dbd_open()
  return OK;
}
#endif

static int counter_handler(request_rec *r);

static void counter_register_hooks(apr_pool_t *p) {
#ifndef FIXED
  ap_hook_post_config(counter_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: httpd-mod-dbd.c:[[#@LINE-1]]:23: note: Apache httpd runs 'counter_post_config' (post_config) in the parent process before it forks the children (post_config may run more than once)
#endif
  ap_hook_handler(counter_handler, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: httpd-mod-dbd.c:[[#@LINE-1]]:19: note: the handler hook 'counter_handler' registered here runs in each child process
}

static int counter_handler(request_rec *r) {
  apr_dbd_results_t *res = NULL;
#ifdef FIXED
  ap_dbd_t *dbd = ap_dbd_acquire(r);
#endif
  if (strcmp(r->handler, "counter"))
    return DECLINED;
  if (apr_dbd_select(dbd->driver, r->pool, dbd->handle, &res,
                     "SELECT n FROM counters", 0) != 0) {
#ifndef FIXED
    ap_dbd_close(r->server, dbd);
    // CHECK: httpd-mod-dbd.c:[[#@LINE-1]]:5: note: 'dbd' closed here in the child process by ap_dbd_close()
    dbd = ap_dbd_open(r->server->process->pool, r->server);
#endif
    return HTTP_SERVICE_UNAVAILABLE;
  }
  ap_rputs("ok\n", r);
  return OK;
}

module AP_MODULE_DECLARE_DATA counter_module = {
    STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL, counter_register_hooks};
// CHECK: httpd-mod-dbd.c:[[#DEF]]:18: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
