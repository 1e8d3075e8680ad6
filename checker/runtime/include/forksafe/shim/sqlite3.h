/* forksafe/shim/sqlite3.h: drop-in checks for SQLite.
 *
 * Include after <sqlite3.h>, or `-include forksafe/shim/sqlite3.h`. A
 * successful sqlite3_open* records the owner of the new sqlite3*; exec,
 * prepare, step/reset/finalize (through the statement's connection) and
 * close check it. SQLite forbids sqlite3_close() in a forked child (it can
 * delete files under the parent): if a handler lets the call continue, the
 * shim leaks the handle instead, as SQLite's docs advise.
 * Compiles to nothing when FORKSAFE_ENABLED is 0. */
#ifndef FORKSAFE_SHIM_SQLITE3_H
#define FORKSAFE_SHIM_SQLITE3_H

#include <sqlite3.h>
#include "common.h"

#if FORKSAFE_ENABLED
FORKSAFE__SHIM_CHECKER(sqlite3, forksafe__sq)

FORKSAFE_INLINE int forksafe__sq_open(int rc, sqlite3 **pp, const char *name, const char *file,
                                      int line) {
  if (rc == SQLITE_OK && pp && *pp) {
    if (name && name[0] == '&') ++name;
    forksafe__register(*pp, "sqlite3", name, file, line);
  }
  return rc;
}

FORKSAFE_INLINE sqlite3_stmt *forksafe__sq_stmt(sqlite3_stmt *s, const char *func, const char *file,
                                                int line) {
  if (s) forksafe__check_handle((sqlite3_db_handle)(s), func, file, line);
  return s;
}

FORKSAFE_INLINE int forksafe__sq_close(sqlite3 *db, int v2, const char *file, int line) {
  if (!forksafe__shim_close(db, v2 ? "sqlite3_close_v2" : "sqlite3_close", file, line))
    return SQLITE_OK; /* abandoned on purpose */
  return v2 ? (sqlite3_close_v2)(db) : (sqlite3_close)(db);
}

#define FORKSAFE__SQ(fn, db) forksafe__sq((db), #fn, __FILE__, __LINE__)
#define FORKSAFE__SQS(fn, s) forksafe__sq_stmt((s), #fn, __FILE__, __LINE__)

#define sqlite3_open(f, pp) forksafe__sq_open(sqlite3_open((f), (pp)), (pp), #pp, __FILE__, __LINE__)
#define sqlite3_open16(f, pp) \
  forksafe__sq_open(sqlite3_open16((f), (pp)), (pp), #pp, __FILE__, __LINE__)
#define sqlite3_open_v2(f, pp, ...) \
  forksafe__sq_open(sqlite3_open_v2((f), (pp), __VA_ARGS__), (pp), #pp, __FILE__, __LINE__)
#define sqlite3_close(db) forksafe__sq_close((db), 0, __FILE__, __LINE__)
#define sqlite3_close_v2(db) forksafe__sq_close((db), 1, __FILE__, __LINE__)

#define sqlite3_exec(db, ...) sqlite3_exec(FORKSAFE__SQ(sqlite3_exec, db), __VA_ARGS__)
#define sqlite3_get_table(db, ...) sqlite3_get_table(FORKSAFE__SQ(sqlite3_get_table, db), __VA_ARGS__)
#define sqlite3_prepare(db, ...) sqlite3_prepare(FORKSAFE__SQ(sqlite3_prepare, db), __VA_ARGS__)
#define sqlite3_prepare_v2(db, ...) sqlite3_prepare_v2(FORKSAFE__SQ(sqlite3_prepare_v2, db), __VA_ARGS__)
#define sqlite3_prepare_v3(db, ...) sqlite3_prepare_v3(FORKSAFE__SQ(sqlite3_prepare_v3, db), __VA_ARGS__)
#define sqlite3_prepare16(db, ...) sqlite3_prepare16(FORKSAFE__SQ(sqlite3_prepare16, db), __VA_ARGS__)
#define sqlite3_prepare16_v2(db, ...) \
  sqlite3_prepare16_v2(FORKSAFE__SQ(sqlite3_prepare16_v2, db), __VA_ARGS__)
#define sqlite3_blob_open(db, ...) sqlite3_blob_open(FORKSAFE__SQ(sqlite3_blob_open, db), __VA_ARGS__)
#define sqlite3_wal_checkpoint(db, ...) \
  sqlite3_wal_checkpoint(FORKSAFE__SQ(sqlite3_wal_checkpoint, db), __VA_ARGS__)
#define sqlite3_wal_checkpoint_v2(db, ...) \
  sqlite3_wal_checkpoint_v2(FORKSAFE__SQ(sqlite3_wal_checkpoint_v2, db), __VA_ARGS__)
#define sqlite3_db_cacheflush(db) sqlite3_db_cacheflush(FORKSAFE__SQ(sqlite3_db_cacheflush, db))

#define sqlite3_step(s) sqlite3_step(FORKSAFE__SQS(sqlite3_step, s))
#define sqlite3_reset(s) sqlite3_reset(FORKSAFE__SQS(sqlite3_reset, s))
#define sqlite3_finalize(s) sqlite3_finalize(FORKSAFE__SQS(sqlite3_finalize, s))
#endif /* FORKSAFE_ENABLED */
#endif /* FORKSAFE_SHIM_SQLITE3_H */
