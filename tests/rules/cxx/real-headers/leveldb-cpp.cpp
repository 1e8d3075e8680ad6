// Against the real <leveldb/db.h> (libleveldb-dev): leveldb::DB::Open's
// third argument receives the handle; the child writes through it.
// REQUIRES: leveldb-cpp-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <leveldb/db.h>
#include <unistd.h>

leveldb::DB *db;
// CHECK: leveldb-cpp.cpp:[[#@LINE-1]]:14: warning: 'db' (LevelDB (C++ API)) is open when the process forks
// CHECK: note: 'db' created here by leveldb::DB::Open()
// CHECK: note: 'db' used here in the child process by leveldb::DB::Put()

int main() {
  leveldb::Options options;
  options.create_if_missing = true;
#ifndef FIXED
  leveldb::Status s = leveldb::DB::Open(options, "/var/lib/app/index", &db);
#endif
  if (fork() == 0) {
#ifdef FIXED
    leveldb::DB::Open(options, "/var/lib/app/index", &db);
#endif
    db->Put(leveldb::WriteOptions(), "k", "v");
    _exit(0);
  }
  return 0;
}
