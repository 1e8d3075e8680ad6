// Apache httpd 2.4, real headers: a connection opened in a post_config hook
// (the parent) and used by an output filter (ap_register_output_filter) in
// each child. The fix connects in a child_init hook.
// REQUIRES: apache2-dev, libpq-headers
// RUN: clang-19 -fsyntax-only %apache_flags %s
// RUN: clang-19 -fsyntax-only %apache_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S apache-output-filter.c -- %apache_flags
// RUN: %make_compdb %t/fixed %S apache-output-filter.c -- %apache_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "httpd.h"
#include "http_config.h"
#include "util_filter.h"
#include "apr_buckets.h"
#include "ap_release.h"
#include <libpq-fe.h>
#if AP_SERVER_MAJORVERSION_NUMBER != 2 || AP_SERVER_MINORVERSION_NUMBER != 4
#error "not Apache httpd 2.4's headers"
#endif

static PGconn *db;
// CHECK: apache-output-filter.c:[[#DEF:@LINE-1]]:16: warning: 'db' (PostgreSQL libpq) is connected when Apache httpd forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int stats_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                             apr_pool_t *ptemp, server_rec *s) {
#ifndef FIXED
  db = PQconnectdb("dbname=stats");
  // CHECK: apache-output-filter.c:[[#@LINE-1]]:8: note: 'db' created here by PQconnectdb()
#endif
  return OK;
}

static void stats_child_init(apr_pool_t *p, server_rec *s) {
#ifdef FIXED
  db = PQconnectdb("dbname=stats");
#endif
}

static apr_status_t stats_out_filter(ap_filter_t *f, apr_bucket_brigade *bb);

static void stats_register_hooks(apr_pool_t *p) {
  ap_hook_post_config(stats_post_config, NULL, NULL, APR_HOOK_MIDDLE);
  // CHECK: apache-output-filter.c:[[#@LINE-1]]:23: note: Apache httpd runs 'stats_post_config' (post_config) in the parent process before it forks the children (post_config may run more than once)
  ap_hook_child_init(stats_child_init, NULL, NULL, APR_HOOK_MIDDLE);
  ap_register_output_filter("STATS", stats_out_filter, NULL, AP_FTYPE_RESOURCE);
  // CHECK: apache-output-filter.c:[[#@LINE-1]]:38: note: the output filter 'stats_out_filter' registered here runs in each child process
}

static apr_status_t stats_out_filter(ap_filter_t *f, apr_bucket_brigade *bb) {
  if (!APR_BRIGADE_EMPTY(bb) && APR_BUCKET_IS_EOS(APR_BRIGADE_LAST(bb)))
    PQclear(PQexec(db, "UPDATE stats SET responses = responses + 1"));
    // CHECK: apache-output-filter.c:[[#@LINE-1]]:13: note: 'db' used here in the child process by PQexec()
  return ap_pass_brigade(f->next, bb);
}

AP_DECLARE_MODULE(stats) = {STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL,
                            NULL, stats_register_hooks};
// CHECK: apache-output-filter.c:[[#DEF]]:16: note: connect in a child_init hook instead (ap_hook_child_init)
// CHECK: apache-output-filter.c:[[#DEF+6]]:3: note: fix-it: move this connect into 'stats_child_init', which Apache httpd runs in each worker process after it forks
