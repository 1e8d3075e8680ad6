// RocksDB C API: background flush/compaction threads start at open and do
// not exist in a forked child (thread-owning).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/rocksdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/rocksdb -DFIXED | count 0
#include <rocksdb/c.h>
#include <unistd.h>

static rocksdb_t *db;
// CHECK: rocksdb.c:[[#DEF:@LINE-1]]:19: warning: 'db' (RocksDB) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  char *err = NULL;
  rocksdb_options_t *opts = rocksdb_options_create();
  rocksdb_options_set_create_if_missing(opts, 1);
#ifndef FIXED
  db = rocksdb_open(opts, "/var/lib/app/rdb", &err);
  // CHECK: rocksdb.c:[[#@LINE-1]]:8: note: 'db' created here by rocksdb_open()
#endif
  if (fork() == 0) {
    // CHECK: rocksdb.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    db = rocksdb_open(opts, "/var/lib/app/rdb", &err);
#endif
    rocksdb_put(db, rocksdb_writeoptions_create(), "k", 1, "v", 1, &err);
    // CHECK: rocksdb.c:[[#@LINE-1]]:5: note: 'db' used here in the child process by rocksdb_put()
    _exit(0);
  }
  return 0;
}
// CHECK: rocksdb.c:[[#DEF]]:19: note: open the database in the process that uses it, after fork(); never close an inherited rocksdb_t in a child
