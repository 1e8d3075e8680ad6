// Oracle OCI (mock header only: Oracle's headers are not in Debian): a
// service context logged on before fork; the child executes on the parent's
// Net8 session. The fix logs on in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/oci | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/oci -DFIXED | count 0
#include <oci.h>
#include <unistd.h>

static OCIEnv *env;
static OCIError *err;
static OCISvcCtx *svc;
// CHECK: oci.c:[[#DEF:@LINE-1]]:19: warning: 'svc' (Oracle OCI) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void logon(void) {
  OCIEnvCreate(&env, OCI_THREADED, NULL, NULL, NULL, NULL, 0, NULL);
  OCIHandleAlloc(env, (void **)&err, OCI_HTYPE_ERROR, 0, NULL);
  OCILogon2(env, err, &svc, (const OraText *)"scott", 5, (const OraText *)"tiger", 5,
            (const OraText *)"orcl", 4, OCI_DEFAULT);
  // CHECK: oci.c:[[#@LINE-2]]:3: note: 'svc' created here by OCILogon2()
}

int main(void) {
  OCIStmt *stmt;
#ifndef FIXED
  logon();
#endif
  if (fork() == 0) {
    // CHECK: oci.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'svc'
#ifdef FIXED
    logon();
#endif
    OCIStmtPrepare2(svc, &stmt, err, (const OraText *)"SELECT 1 FROM dual", 18, NULL, 0,
                    OCI_NTV_SYNTAX, OCI_DEFAULT);
    // CHECK: oci.c:[[#@LINE-2]]:5: note: 'svc' used here in the child process by OCIStmtPrepare2()
    OCIStmtExecute(svc, stmt, err, 1, 0, NULL, NULL, OCI_DEFAULT);
    _exit(0);
  }
  OCILogoff(svc, err);
  OCIHandleFree(env, OCI_HTYPE_ENV);
  return 0;
}
// CHECK: oci.c:[[#DEF]]:19: note: create the OCI environment and log on in each process after fork(); in a child, never log off, detach or free inherited OCI handles: leave them and exit with _exit()
