// LevelDB C++ API: leveldb::DB::Open fills a global DB* through its third
// argument before the fork; the child writes through it. The fix opens the
// database in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/leveldb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/leveldb -DFIXED | count 0
#include <leveldb/db.h>
#include <unistd.h>

leveldb::DB *db;
// CHECK: leveldb-cpp.cpp:[[#DEF:@LINE-1]]:14: warning: 'db' (LevelDB (C++ API)) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it [forksafe-inherited-handle]

static void index_batch(int n);

int main() {
  leveldb::Options options;
  options.create_if_missing = true;
#ifndef FIXED
  leveldb::DB::Open(options, "/var/lib/app/index", &db);
  // CHECK: leveldb-cpp.cpp:[[#@LINE-1]]:3: note: 'db' created here by leveldb::DB::Open()
#endif
  if (fork() == 0) {
    // CHECK: leveldb-cpp.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
    leveldb::DB::Open(options, "/var/lib/app/index", &db);
#endif
    index_batch(100);
    // CHECK: leveldb-cpp.cpp:[[#@LINE-1]]:5: note: 'index_batch' called from here in the child process
    _exit(0);
  }
  return 0;
}

static void index_batch(int n) {
  for (int i = 0; i < n; ++i)
    db->Put(leveldb::WriteOptions(), "key", "value");
    // CHECK: leveldb-cpp.cpp:[[#@LINE-1]]:5: note: 'db' used here in the child process by leveldb::DB::Put()
}
// CHECK: leveldb-cpp.cpp:[[#DEF]]:14: note: open the leveldb::DB in the process that uses it, after fork(); never delete an inherited leveldb::DB in a child
