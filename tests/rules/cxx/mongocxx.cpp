// mongocxx: a global mongocxx::client constructed before main, used in the
// forked child. The fix calls the driver's post-fork reset, client.reset(),
// in the child before any other use.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx -DFIXED | count 0
#include <mongocxx/client.hpp>
#include <mongocxx/instance.hpp>
#include <mongocxx/uri.hpp>
#include <unistd.h>

mongocxx::instance driver;
mongocxx::client client{mongocxx::uri{"mongodb://localhost:27017"}};
// CHECK: mongocxx.cpp:[[#DEF:@LINE-1]]:18: warning: 'client' (MongoDB C++ driver (mongocxx)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: mongocxx.cpp:[[#DEF]]:18: note: 'client' created here by mongocxx::v_noabi::client::client()

static bool has_users();

int main() {
  if (fork() == 0) {
    // CHECK: mongocxx.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'client'
#ifdef FIXED
    client.reset(); // safe: no endSessions; the client reconnects on demand
#endif
    has_users();
    // CHECK: mongocxx.cpp:[[#@LINE-1]]:5: note: 'has_users' called from here in the child process
    _exit(0);
  }
  return has_users() ? 0 : 1;
}

static bool has_users() {
  return client["app"].has_collection("users");
  // CHECK: mongocxx.cpp:[[#@LINE-1]]:10: note: 'client' used here in the child process by mongocxx::v_noabi::client::operator[]()
}
// CHECK: mongocxx.cpp:[[#DEF]]:18: note: create the mongocxx::client or mongocxx::pool in each process after fork(), or call client.reset() in the child before any other use of an inherited client
// CHECK: mongocxx.cpp:[[#DEF]]:18: note: fix-it: make 'client' a forksafe::per_process<mongocxx::client>, which each process creates on first use (a child never uses or closes its parent's)
