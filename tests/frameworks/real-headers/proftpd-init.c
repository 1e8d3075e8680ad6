// ProFTPD 1.3.8, real headers (proftpd-dev): a module's init runs in the
// daemon before it forks a session process per connection; a connection it
// opens is shared by every session's command handlers. The fix connects in
// sess_init, in each session process.
// REQUIRES: proftpd-dev, libpq-headers
// RUN: clang-19 -fsyntax-only %proftpd_flags %s
// RUN: clang-19 -fsyntax-only %proftpd_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S proftpd-init.c -- %proftpd_flags
// RUN: %make_compdb %t/fixed %S proftpd-init.c -- %proftpd_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "conf.h"
#include "privs.h"
#include <libpq-fe.h>
#if PROFTPD_VERSION_NUMBER < 0x0001030801 || PROFTPD_VERSION_NUMBER >= 0x0001030900
#error "not ProFTPD 1.3.8's headers"
#endif

module audit_module;

static PGconn *audit_db;
// CHECK: proftpd-init.c:[[#DEF:@LINE-1]]:16: warning: 'audit_db' (PostgreSQL libpq) is connected when ProFTPD forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int audit_connect(void) {
  audit_db = PQconnectdb("dbname=ftpaudit");
  if (PQstatus(audit_db) != CONNECTION_OK) {
    pr_log_pri(PR_LOG_ERR, "mod_audit: %s", PQerrorMessage(audit_db));
    return -1;
  }
  return 0;
}

static int audit_init(void) {
#ifndef FIXED
  return audit_connect();
#else
  return 0;
#endif
}

static int audit_sess_init(void) {
#ifdef FIXED
  return audit_connect();
#else
  return 0;
#endif
}

MODRET audit_log_retr(cmd_rec *cmd) {
  const char *params[1] = {cmd->arg};
  PGresult *res = PQexecParams(audit_db,
                               "INSERT INTO downloads (path) VALUES ($1)", 1,
                               NULL, params, NULL, NULL, 0);
  PQclear(res);
  return PR_DECLINED(cmd);
}

static cmdtable audit_cmdtab[] = {
    {LOG_CMD, C_RETR, G_NONE, audit_log_retr, FALSE, FALSE},
    {0, NULL}};

module audit_module = {
    NULL, NULL,      /* always NULL */
    0x20,            /* API version 2.0 */
    "audit",         /* module name */
    NULL,            /* configuration directive table */
    audit_cmdtab,    /* command table */
    NULL,            /* authentication table */
    audit_init,      /* module initialization */
    audit_sess_init, /* session initialization */
    "mod_audit/0.1"  /* module version */
};
// CHECK: proftpd-init.c:[[#DEF+4]]:14: note: 'audit_db' created here by PQconnectdb()
// CHECK: proftpd-init.c:[[#DEF+48]]:5: note: ProFTPD runs 'audit_init' (the module's init) in the daemon process before it forks the session processes
// CHECK: proftpd-init.c:[[#DEF+38]]:31: note: the command handler 'audit_log_retr' registered here runs in each session process
// CHECK: proftpd-init.c:[[#DEF+30]]:19: note: 'audit_db' used here in the child process by PQexecParams()
// CHECK: proftpd-init.c:[[#DEF]]:16: note: connect in the module's sess_init (which ProFTPD runs in each session process after it forks) or lazily in a command handler, not in the module's init or a configuration directive handler; do not close the inherited handle in a session process
// CHECK: proftpd-init.c:[[#DEF+14]]:3: note: move this connect into 'audit_sess_init', which ProFTPD runs in each worker process after it forks (not moved automatically: it is not an expression statement)
