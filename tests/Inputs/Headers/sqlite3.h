/* Mock of sqlite3.h (the declarations the rules name, real signatures). */
#ifndef FORKSAFE_MOCK_SQLITE3_H
#define FORKSAFE_MOCK_SQLITE3_H
typedef struct sqlite3 sqlite3;
int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_open_v2(const char *filename, sqlite3 **ppDb, int flags, const char *zVfs);
int sqlite3_exec(sqlite3 *, const char *sql, int (*callback)(void *, int, char **, char **),
                 void *, char **errmsg);
int sqlite3_close(sqlite3 *);
#define SQLITE_OK 0
#endif
