// The result that decides the path comes back through a second function:
// main tests 'init_storage() < 0', init_storage returns what
// check_integrity() returned. check_integrity closes the database when the
// check passes and returns a negative code, with the database still open,
// when it fails; main then exits before forking. With BUG the passing path
// forgets the close, and the forked indexers use the parent's database.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static sqlite3 *index_db;
// CHECK: return-value-through-wrapper.c:[[#DEF:@LINE-1]]:17: warning: 'index_db' (SQLite) is open when the process forks with fork() and is used in the child process

static int check_integrity(const char *path) {
  if (sqlite3_open(path, &index_db) != SQLITE_OK)
    return -1;
  if (sqlite3_exec(index_db, "PRAGMA integrity_check", NULL, NULL, NULL) != SQLITE_OK)
    return -2;
#ifndef BUG
  sqlite3_close(index_db);
  index_db = NULL;
#endif
  return 0;
}

static int init_storage(const char *path) {
  int rc = check_integrity(path);
  if (rc < 0)
    fprintf(stderr, "storage: integrity check failed (%d)\n", rc);
  return rc;
}

static void indexer(int shard) {
  if (!index_db)
    sqlite3_open("/var/lib/app/index.db", &index_db);
  char sql[64];
  snprintf(sql, sizeof sql, "DELETE FROM pending WHERE shard = %d", shard);
  sqlite3_exec(index_db, sql, NULL, NULL, NULL);
}

int main(void) {
  if (init_storage("/var/lib/app/index.db") < 0)
    exit(1);
  for (int shard = 0; shard < 4; ++shard)
    if (fork() == 0) {
      indexer(shard);
      _exit(0);
    }
  while (wait(NULL) > 0) {
  }
  return 0;
}
// CHECK: return-value-through-wrapper.c:[[#DEF+4]]:7: note: 'index_db' created here by sqlite3_open()
// CHECK: return-value-through-wrapper.c:[[#DEF+34]]:9: note: fork() forks here; the child inherits 'index_db'
// CHECK: return-value-through-wrapper.c:[[#DEF+35]]:7: note: 'indexer' called from here in the child process
// CHECK: return-value-through-wrapper.c:[[#DEF+27]]:3: note: 'index_db' used here in the child process by sqlite3_exec()
// CHECK: return-value-through-wrapper.c:[[#DEF]]:17: note: open the database in each process after fork()
