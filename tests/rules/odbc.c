// ODBC: a connection made before fork; the child allocates a statement on it
// and queries through the parent's connection. The fix connects in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/odbc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/odbc -DFIXED | count 0
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

static SQLHENV env;
static SQLHDBC dbc;
// CHECK: odbc.c:[[#DEF:@LINE-1]]:16: warning: 'dbc' (ODBC (unixODBC)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void query(void);

int main(void) {
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
#ifndef FIXED
  SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=app", SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
  // CHECK: odbc.c:[[#@LINE-1]]:3: note: 'dbc' connected here by SQLDriverConnect()
#endif
  if (fork() == 0) {
    // CHECK: odbc.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'dbc'
#ifdef FIXED
    SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=app", SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
#endif
    query();
    // CHECK: odbc.c:[[#@LINE-1]]:5: note: 'query' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void query(void) {
  SQLHSTMT stmt;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  // CHECK: odbc.c:[[#@LINE-1]]:3: note: 'dbc' used here in the child process by SQLAllocHandle()
  SQLExecDirect(stmt, (SQLCHAR *)"SELECT 1", SQL_NTS);
  SQLFetch(stmt);
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
}
// CHECK: odbc.c:[[#DEF]]:16: note: allocate and connect the SQLHDBC (and its statements) in each process after fork(); in a child, do not SQLDisconnect or free an inherited connection: leave it and exit with _exit()
