// Against the real <leveldb/c.h> (libleveldb-dev).
// REQUIRES: leveldb-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <leveldb/c.h>
#include <unistd.h>

leveldb_t *db;
// CHECK: leveldb.c:[[#@LINE-1]]:12: warning: 'db' (LevelDB) is open when the process forks
// CHECK: note: 'db' created here by leveldb_open()
// CHECK: note: 'db' used here in the child process by leveldb_get()

int main(void) {
  char *err = NULL;
  size_t len;
  leveldb_options_t *opts = leveldb_options_create();
#ifndef FIXED
  db = leveldb_open(opts, "/var/lib/app/ldb", &err);
#endif
  if (fork() == 0) {
#ifdef FIXED
    db = leveldb_open(opts, "/var/lib/app/ldb", &err);
#endif
    leveldb_get(db, leveldb_readoptions_create(), "k", 1, &len, &err);
    leveldb_put(db, leveldb_writeoptions_create(), "k", 1, "v", 1, &err);
    _exit(0);
  }
  leveldb_close(db);
  return 0;
}
