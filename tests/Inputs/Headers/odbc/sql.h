/* Mock of unixODBC's <sql.h> (real names and signatures). */
#ifndef FORKSAFE_MOCK_SQL_H
#define FORKSAFE_MOCK_SQL_H
#include "sqltypes.h"
#define SQL_HANDLE_ENV 1
#define SQL_HANDLE_DBC 2
#define SQL_HANDLE_STMT 3
#define SQL_NULL_HANDLE 0L
#define SQL_NTS (-3)
SQLRETURN SQLAllocHandle(SQLSMALLINT HandleType, SQLHANDLE InputHandle, SQLHANDLE *OutputHandle);
SQLRETURN SQLConnect(SQLHDBC ConnectionHandle, SQLCHAR *ServerName, SQLSMALLINT NameLength1,
                     SQLCHAR *UserName, SQLSMALLINT NameLength2, SQLCHAR *Authentication,
                     SQLSMALLINT NameLength3);
SQLRETURN SQLExecDirect(SQLHSTMT StatementHandle, SQLCHAR *StatementText, SQLINTEGER TextLength);
SQLRETURN SQLFetch(SQLHSTMT StatementHandle);
SQLRETURN SQLDisconnect(SQLHDBC ConnectionHandle);
SQLRETURN SQLFreeHandle(SQLSMALLINT HandleType, SQLHANDLE Handle);
#endif
