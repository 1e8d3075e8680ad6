// ProFTPD: a module's init runs in the daemon before it forks a session
// process per connection; a connection made there is shared by every
// session's command handlers. The fix connects in sess_init, which each
// session process runs after the fork.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <proftpd-modules.h>
#include <mysql.h>

static MYSQL *quota_db;
// CHECK: proftpd.c:[[#DEF:@LINE-1]]:15: warning: 'quota_db' (MySQL/MariaDB C API) is connected when ProFTPD forks its worker processes and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static int quota_connect(void) {
  quota_db = mysql_init(NULL);
  if (quota_db == NULL ||
      mysql_real_connect(quota_db, "localhost", "ftp", "secret", "quota", 0,
                         NULL, 0) == NULL)
    return -1;
  return 0;
}

static int quota_init(void) {
#ifndef FIXED
  return quota_connect();
#else
  return 0;
#endif
}

static int quota_sess_init(void) {
#ifdef FIXED
  return quota_connect();
#else
  return 0;
#endif
}

MODRET quota_pre_stor(cmd_rec *cmd) {
  mysql_query(quota_db, "UPDATE quota SET used = used + 1");
  return PR_DECLINED(cmd);
}

static cmdtable quota_cmdtab[] = {
    {PRE_CMD, "STOR", G_NONE, quota_pre_stor, 1, 0, CL_INFO, NULL},
    {0, NULL, NULL, NULL, 0, 0, 0, NULL}};

module quota_module = {NULL, NULL, 0x20, "quota", NULL, quota_cmdtab, NULL,
                       quota_init, quota_sess_init, "mod_quota/0.1", NULL, 0};
// CHECK: proftpd.c:[[#DEF+6]]:7: note: 'quota_db' connected here by mysql_real_connect()
// CHECK: proftpd.c:[[#DEF+38]]:24: note: ProFTPD runs 'quota_init' (the module's init) in the daemon process before it forks the session processes
// CHECK: proftpd.c:[[#DEF+34]]:31: note: the command handler 'quota_pre_stor' registered here runs in each session process
// CHECK: proftpd.c:[[#DEF+29]]:3: note: 'quota_db' used here in the child process by mysql_query()
// CHECK: proftpd.c:[[#DEF]]:15: note: connect in the module's sess_init
// CHECK: proftpd.c:[[#DEF+14]]:3: note: move this connect into 'quota_sess_init', which ProFTPD runs in each worker process after it forks (not moved automatically: it is not an expression statement)
