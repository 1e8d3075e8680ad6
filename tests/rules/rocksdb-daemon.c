// Thread-owning: a DB opened before daemon() has no background threads in
// the surviving child, so daemon() is a finding. The fix opens after it.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/rocksdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle' %s -- -I%mocks/rocksdb -DFIXED | count 0
#include <rocksdb/c.h>
#include <unistd.h>

rocksdb_t *db;
// CHECK: rocksdb-daemon.c:[[#DEF:@LINE-1]]:12: warning: 'db' (RocksDB) is live when the process forks with daemon() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  char *err = NULL;
  size_t len;
#ifndef FIXED
  db = rocksdb_open(rocksdb_options_create(), "/var/lib/app/rdb", &err);
  // CHECK: rocksdb-daemon.c:[[#@LINE-1]]:8: note: 'db' created here by rocksdb_open()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: rocksdb-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'db' belongs to the parent
    return 1;
#ifdef FIXED
  db = rocksdb_open(rocksdb_options_create(), "/var/lib/app/rdb", &err);
#endif
  rocksdb_get(db, rocksdb_readoptions_create(), "k", 1, &len, &err);
  // CHECK: rocksdb-daemon.c:[[#@LINE-1]]:3: note: 'db' used here in the child process by rocksdb_get()
  rocksdb_close(db);
  return 0;
}
// CHECK: rocksdb-daemon.c:[[#DEF]]:12: note: open the database in the process that uses it
