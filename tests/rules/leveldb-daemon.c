// google/leveldb #455: a daemon that opens the DB and then forks loses its
// LOCK-file lock (fcntl locks are not inherited). Process-bound, so daemon()
// is a finding too. The fix opens after daemon().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/leveldb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/leveldb -DFIXED | count 0
#include <leveldb/c.h>
#include <unistd.h>

leveldb_t *db;
// CHECK: leveldb-daemon.c:[[#DEF:@LINE-1]]:12: warning: 'db' (LevelDB) is open when the process forks with daemon() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

int main(void) {
  char *err = NULL;
  size_t len;
#ifndef FIXED
  db = leveldb_open(leveldb_options_create(), "/var/lib/app/ldb", &err);
  // CHECK: leveldb-daemon.c:[[#@LINE-1]]:8: note: 'db' created here by leveldb_open()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: leveldb-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'db' belongs to the parent
    return 1;
#ifdef FIXED
  db = leveldb_open(leveldb_options_create(), "/var/lib/app/ldb", &err);
#endif
  leveldb_get(db, leveldb_readoptions_create(), "k", 1, &len, &err);
  // CHECK: leveldb-daemon.c:[[#@LINE-1]]:3: note: 'db' used here in the child process by leveldb_get()
  leveldb_close(db);
  return 0;
}
// CHECK: leveldb-daemon.c:[[#DEF]]:12: note: open the database in the process that uses it
