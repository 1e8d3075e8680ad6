// mongocxx::pool owns topology monitor threads and has no reset ("A
// mongocxx::pool cannot be shared between a parent and a fork"): acquiring
// a client from an inherited pool in the child is a finding. The fix
// creates the pool in each child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx -DFIXED | count 0
#include <memory>
#include <mongocxx/instance.hpp>
#include <mongocxx/pool.hpp>
#include <unistd.h>

mongocxx::instance driver;
std::unique_ptr<mongocxx::pool> pool;
// CHECK: mongocxx-pool.cpp:[[#DEF:@LINE-1]]:33: warning: 'pool' (MongoDB C++ driver (mongocxx)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

static void serve();

int main() {
#ifndef FIXED
  pool = std::make_unique<mongocxx::pool>(mongocxx::uri{"mongodb://localhost:27017"});
  // CHECK: mongocxx-pool.cpp:[[#@LINE-1]]:10: note: 'pool' created here by mongocxx::v_noabi::pool::pool()
#endif
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      // CHECK: mongocxx-pool.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'pool'
#ifdef FIXED
      pool.release(); // never destroy the inherited pool: its destructor joins absent threads
      pool = std::make_unique<mongocxx::pool>(mongocxx::uri{"mongodb://localhost:27017"});
#endif
      serve();
      // CHECK: mongocxx-pool.cpp:[[#@LINE-1]]:7: note: 'serve' called from here in the child process
      _exit(0);
    }
  return 0;
}

static void serve() {
  auto entry = pool->acquire();
  // CHECK: mongocxx-pool.cpp:[[#@LINE-1]]:16: note: 'pool' used here in the child process by mongocxx::v_noabi::pool::acquire()
  (*entry)["app"].has_collection("jobs");
}
// CHECK: mongocxx-pool.cpp:[[#DEF]]:33: note: create the mongocxx::client or mongocxx::pool in each process after fork(){{.*}}a mongocxx::pool has no reset: create pools after fork()
