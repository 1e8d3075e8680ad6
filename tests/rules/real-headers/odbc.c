// Against unixODBC's real <sql.h>/<sqlext.h> (unixodbc-dev): SQLHDBC and
// SQLHSTMT are typedefs of void * there; the rules match them by name.
// REQUIRES: odbc-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

SQLHENV env;
SQLHDBC dbc;
// CHECK: odbc.c:[[#@LINE-1]]:9: warning: 'dbc' (ODBC (unixODBC)) is connected when the process forks
SQLHSTMT stmt;
// CHECK: note: 'dbc' connected here by SQLDriverConnect()
// CHECK: note: 'dbc' used here in the child process by SQLAllocHandle()
// CHECK: odbc.c:[[#@LINE-3]]:10: warning: 'stmt' (ODBC (unixODBC)) is connected when the process forks
// CHECK: note: 'stmt' connected here by its first use, SQLExecDirect()
// CHECK: note: 'stmt' used here in the child process by SQLFetch()

int main(void) {
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
#ifndef FIXED
  SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=app", SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  SQLExecDirect(stmt, (SQLCHAR *)"SELECT 1", SQL_NTS);
#endif
  if (fork() == 0) {
#ifdef FIXED
    SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=app", SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
#endif
    SQLHSTMT other;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &other);
#ifdef FIXED
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
    SQLExecDirect(stmt, (SQLCHAR *)"SELECT 1", SQL_NTS);
#endif
    SQLFetch(stmt);
    SQLFreeHandle(SQL_HANDLE_STMT, other);
    _exit(0);
  }
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return 0;
}
