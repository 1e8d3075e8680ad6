// LevelDB C++ API: a child that deletes the inherited leveldb::DB runs
// DBImpl's destructor, which waits for a background compaction thread that
// does not exist in the child. The fix leaves the inherited DB alone in the
// child and leaves with _exit().
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/leveldb | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/leveldb -DFIXED | count 0
#include <leveldb/db.h>
#include <unistd.h>

leveldb::DB *db;
// CHECK: leveldb-cpp-delete.cpp:[[#DEF:@LINE-1]]:14: warning: 'db' (LevelDB (C++ API)) is inherited by a child process and closed there: DBImpl's destructor waits for a background compaction thread that does not exist in the child (hang), with internal mutexes possibly held [forksafe-inherited-handle-close]

static void cleanup();

int main() {
  leveldb::Options options;
  leveldb::DB::Open(options, "/var/lib/app/index", &db);
  // CHECK: leveldb-cpp-delete.cpp:[[#@LINE-1]]:3: note: 'db' created here by leveldb::DB::Open()
  if (fork() == 0) {
    // CHECK: leveldb-cpp-delete.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'db'
#ifndef FIXED
    cleanup();
    // CHECK: leveldb-cpp-delete.cpp:[[#@LINE-1]]:5: note: 'cleanup' called from here in the child process
#endif
    _exit(0);
  }
  cleanup();
  return 0;
}

static void cleanup() {
  delete db;
  // CHECK: leveldb-cpp-delete.cpp:[[#@LINE-1]]:3: note: 'db' closed here in the child process by leveldb::DB::~DB()
  db = nullptr;
}
// CHECK: leveldb-cpp-delete.cpp:[[#DEF]]:14: note: leave the child with _exit()
