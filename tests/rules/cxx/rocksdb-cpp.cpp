// RocksDB C++ API: a global DB* opened by rocksdb::DB::Open before the fork
// and read in the child, where its background threads do not exist. The fix
// opens the database in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/rocksdb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/rocksdb -DFIXED | count 0
#include <rocksdb/db.h>
#include <string>
#include <unistd.h>

rocksdb::DB *db;
// CHECK: rocksdb-cpp.cpp:[[#DEF:@LINE-1]]:14: warning: 'db' (RocksDB (C++ API)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

static std::string lookup(const std::string &key);

int main() {
  rocksdb::Options options;
  options.create_if_missing = true;
#ifndef FIXED
  rocksdb::Status s = rocksdb::DB::Open(options, "/var/lib/app/kv", &db);
  // CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:23: note: 'db' created here by rocksdb::DB::Open()
#endif
  if (fork() == 0) {
    // CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    rocksdb::DB::Open(options, "/var/lib/app/kv", &db);
#endif
    lookup("user:1");
    // CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:5: note: 'lookup' called from here in the child process
    _exit(0);
  }
  return 0;
}

static std::string lookup(const std::string &key) {
  std::string value;
  db->Get(rocksdb::ReadOptions(), key, &value);
  // CHECK: rocksdb-cpp.cpp:[[#@LINE-1]]:3: note: 'db' used here in the child process by rocksdb::DB::Get()
  return value;
}
// CHECK: rocksdb-cpp.cpp:[[#DEF]]:14: note: open the rocksdb::DB in the process that uses it, after fork(); never Close() or delete an inherited DB in a child
