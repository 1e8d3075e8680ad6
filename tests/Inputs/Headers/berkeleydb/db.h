/* Mock of Berkeley DB's <db.h> (5.3): methods are function-pointer fields of
 * 'struct __db' and 'struct __db_env', as in the real header. */
#ifndef FORKSAFE_MOCK_DB_H
#define FORKSAFE_MOCK_DB_H
#include <stdint.h>
typedef uint32_t u_int32_t;
struct __db;		typedef struct __db DB;
struct __db_env;	typedef struct __db_env DB_ENV;
struct __db_txn;	typedef struct __db_txn DB_TXN;
struct __db_dbt;	typedef struct __db_dbt DBT;
typedef enum { DB_BTREE = 1, DB_HASH = 2 } DBTYPE;
struct __db_dbt { void *data; u_int32_t size; u_int32_t ulen, dlen, doff; void *app_data; u_int32_t flags; };
#define DB_CREATE 0x00000001
#define DB_INIT_MPOOL 0x00000400
struct __db {
  int (*close)(DB *, u_int32_t);
  int (*get)(DB *, DB_TXN *, DBT *, DBT *, u_int32_t);
  int (*open)(DB *, DB_TXN *, const char *, const char *, DBTYPE, u_int32_t, int);
  int (*put)(DB *, DB_TXN *, DBT *, DBT *, u_int32_t);
};
struct __db_env {
  int (*close)(DB_ENV *, u_int32_t);
  int (*open)(DB_ENV *, const char *, u_int32_t, int);
  int (*txn_begin)(DB_ENV *, DB_TXN *, DB_TXN **, u_int32_t);
};
int db_create(DB **, DB_ENV *, u_int32_t);
int db_env_create(DB_ENV **, u_int32_t);
#endif
