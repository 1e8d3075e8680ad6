// ProFTPD 1.3.8, real headers (proftpd-dev): configuration directive
// handlers run in the daemon while it reads proftpd.conf, before it forks
// the session processes; a connection a directive handler opens is shared
// by every session's authentication handlers. The fix keeps only the DSN
// from the directive and connects in sess_init.
// REQUIRES: proftpd-dev, mariadb-headers
// RUN: clang-19 -fsyntax-only %proftpd_flags %s
// RUN: clang-19 -fsyntax-only %proftpd_flags -DFIXED %s
// RUN: rm -rf %t && %make_compdb %t/bad %S proftpd-directive.c -- %proftpd_flags
// RUN: %make_compdb %t/fixed %S proftpd-directive.c -- %proftpd_flags -DFIXED
// RUN: %expect_exit 1 %forksafe -p %t/bad --no-cache | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe -p %t/fixed --no-cache | count 0
#include "conf.h"
#include <mysql.h>

module authdb_module;

static MYSQL *authdb;
// CHECK: proftpd-directive.c:[[#DEF:@LINE-1]]:15: warning: 'authdb' (MySQL/MariaDB C API) is connected when ProFTPD forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
static const char *authdb_host;

static int authdb_connect(const char *host) {
  authdb = mysql_init(NULL);
  if (authdb == NULL ||
      mysql_real_connect(authdb, host, "ftp", "secret", "users", 0, NULL, 0) ==
          NULL)
    return -1;
  return 0;
}

/* usage: AuthDBHost host */
MODRET set_authdbhost(cmd_rec *cmd) {
  CHECK_ARGS(cmd, 1);
  CHECK_CONF(cmd, CONF_ROOT);
  authdb_host = pstrdup(permanent_pool, cmd->argv[1]);
#ifndef FIXED
  if (authdb_connect(authdb_host) < 0)
    CONF_ERROR(cmd, "cannot connect to the user database");
#endif
  return PR_HANDLED(cmd);
}

static int authdb_sess_init(void) {
#ifdef FIXED
  return authdb_connect(authdb_host);
#else
  return 0;
#endif
}

MODRET authdb_getpwnam(cmd_rec *cmd) {
  if (mysql_query(authdb, "SELECT uid FROM users") != 0)
    return PR_DECLINED(cmd);
  return PR_DECLINED(cmd);
}

static conftable authdb_conftab[] = {{"AuthDBHost", set_authdbhost, NULL},
                                     {NULL}};

static authtable authdb_authtab[] = {{0, "getpwnam", authdb_getpwnam},
                                     {0, NULL}};

module authdb_module = {
    NULL, NULL,       /* always NULL */
    0x20,             /* API version 2.0 */
    "authdb",         /* module name */
    authdb_conftab,   /* configuration directive table */
    NULL,             /* command table */
    authdb_authtab,   /* authentication table */
    NULL,             /* module initialization */
    authdb_sess_init, /* session initialization */
    "mod_authdb/0.1"  /* module version */
};
// CHECK: proftpd-directive.c:[[#DEF+7]]:7: note: 'authdb' connected here by mysql_real_connect()
// CHECK: proftpd-directive.c:[[#DEF+39]]:53: note: ProFTPD runs the configuration directive handler 'set_authdbhost' in the daemon process while it reads the configuration, before it forks the session processes
// CHECK: proftpd-directive.c:[[#DEF+42]]:54: note: the authentication handler 'authdb_getpwnam' registered here runs in each session process
// CHECK: proftpd-directive.c:[[#DEF+34]]:7: note: 'authdb' used here in the child process by mysql_query()
// CHECK: proftpd-directive.c:[[#DEF]]:15: note: connect in the module's sess_init
// CHECK: proftpd-directive.c:[[#DEF+19]]:3: note: move this connect into 'authdb_sess_init'
