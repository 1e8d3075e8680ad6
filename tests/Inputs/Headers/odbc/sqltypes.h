/* Mock of unixODBC's <sqltypes.h>: the handle typedefs as unixODBC declares them. */
#ifndef FORKSAFE_MOCK_SQLTYPES_H
#define FORKSAFE_MOCK_SQLTYPES_H
typedef unsigned char SQLCHAR;
typedef short SQLSMALLINT;
typedef unsigned short SQLUSMALLINT;
typedef int SQLINTEGER;
typedef long SQLLEN;
typedef void *SQLPOINTER;
typedef SQLSMALLINT SQLRETURN;
typedef void *SQLHWND;
typedef void * SQLHANDLE;
typedef SQLHANDLE SQLHENV;
typedef SQLHANDLE SQLHDBC;
typedef SQLHANDLE SQLHSTMT;
typedef SQLHANDLE SQLHDESC;
#endif
