// Against the real <rocksdb/c.h> (librocksdb-dev).
// REQUIRES: rocksdb-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <rocksdb/c.h>
#include <unistd.h>

rocksdb_t *db;
// CHECK: rocksdb.c:[[#@LINE-1]]:12: warning: 'db' (RocksDB) is live when the process forks
// CHECK: note: 'db' created here by rocksdb_open()
// CHECK: note: 'db' used here in the child process by rocksdb_get()

int main(void) {
  char *err = NULL;
  size_t len;
  rocksdb_options_t *opts = rocksdb_options_create();
#ifndef FIXED
  db = rocksdb_open(opts, "/var/lib/app/rdb", &err);
#endif
  if (fork() == 0) {
#ifdef FIXED
    db = rocksdb_open(opts, "/var/lib/app/rdb", &err);
#endif
    rocksdb_get(db, rocksdb_readoptions_create(), "k", 1, &len, &err);
    rocksdb_put(db, rocksdb_writeoptions_create(), "k", 1, "v", 1, &err);
    _exit(0);
  }
  rocksdb_close(db);
  return 0;
}
