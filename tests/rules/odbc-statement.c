// An ODBC statement is live on its connection from its first execute (a use
// with 'connects'): one executed before fork and fetched in the child reads
// the parent's result. Allocated before fork but first executed in the child
// on the child's own connection, it is fine (the fixed twin).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/odbc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/odbc -DFIXED | count 0
#include <sql.h>
#include <unistd.h>

SQLHENV env;
SQLHDBC dbc;
SQLHSTMT stmt;
// CHECK: odbc-statement.c:[[#DEF:@LINE-1]]:10: warning: 'stmt' (ODBC (unixODBC)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

int main(void) {
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
#ifndef FIXED
  SQLConnect(dbc, (SQLCHAR *)"app", SQL_NTS, NULL, 0, NULL, 0);
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  SQLExecDirect(stmt, (SQLCHAR *)"SELECT id FROM jobs", SQL_NTS);
  // CHECK: odbc-statement.c:[[#@LINE-1]]:3: note: 'stmt' connected here by its first use, SQLExecDirect()
#endif
  if (fork() == 0) {
    // CHECK: odbc-statement.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'stmt'
#ifdef FIXED
    SQLConnect(dbc, (SQLCHAR *)"app", SQL_NTS, NULL, 0, NULL, 0);
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
    SQLExecDirect(stmt, (SQLCHAR *)"SELECT id FROM jobs", SQL_NTS);
#endif
    SQLFetch(stmt);
    // CHECK: odbc-statement.c:[[#@LINE-1]]:5: note: 'stmt' used here in the child process by SQLFetch()
    _exit(0);
  }
  return 0;
}
// CHECK: odbc-statement.c:[[#DEF]]:10: note: allocate and connect the SQLHDBC
