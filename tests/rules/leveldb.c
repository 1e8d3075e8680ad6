// LevelDB C API: 'leveldb is not fork-safe ... fork before opening leveldb'.
// leveldb_t is process-bound (its LOCK-file lock is not inherited).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/leveldb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/leveldb -DFIXED | count 0
#include <leveldb/c.h>
#include <unistd.h>

static leveldb_t *db;
// CHECK: leveldb.c:[[#DEF:@LINE-1]]:19: warning: 'db' (LevelDB) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

int main(void) {
  char *err = NULL;
  leveldb_options_t *opts = leveldb_options_create();
  leveldb_options_set_create_if_missing(opts, 1);
#ifndef FIXED
  db = leveldb_open(opts, "/var/lib/app/ldb", &err);
  // CHECK: leveldb.c:[[#@LINE-1]]:8: note: 'db' created here by leveldb_open()
#endif
  if (fork() == 0) {
    // CHECK: leveldb.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    db = leveldb_open(opts, "/var/lib/app/ldb", &err);
#endif
    leveldb_put(db, leveldb_writeoptions_create(), "k", 1, "v", 1, &err);
    // CHECK: leveldb.c:[[#@LINE-1]]:5: note: 'db' used here in the child process by leveldb_put()
    _exit(0);
  }
  return 0;
}
// CHECK: leveldb.c:[[#DEF]]:19: note: open the database in the process that uses it, after fork(); never close an inherited leveldb_t in a child
