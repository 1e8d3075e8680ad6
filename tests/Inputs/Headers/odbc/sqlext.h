/* Mock of unixODBC's <sqlext.h>. */
#ifndef FORKSAFE_MOCK_SQLEXT_H
#define FORKSAFE_MOCK_SQLEXT_H
#include "sql.h"
#define SQL_DRIVER_NOPROMPT 0
SQLRETURN SQLDriverConnect(SQLHDBC hdbc, SQLHWND hwnd, SQLCHAR *szConnStrIn, SQLSMALLINT cbConnStrIn,
                           SQLCHAR *szConnStrOut, SQLSMALLINT cbConnStrOutMax,
                           SQLSMALLINT *pcbConnStrOut, SQLUSMALLINT fDriverCompletion);
#endif
