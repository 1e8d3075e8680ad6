// mongocxx::client::reset() is the driver's post-fork reset ("Call this
// method in the child after forking"), but only if the child calls it
// before any other use of the inherited client. Here the child pings first.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx -DFIXED | count 0
#include <mongocxx/client.hpp>
#include <mongocxx/instance.hpp>
#include <unistd.h>

mongocxx::instance driver;
mongocxx::client client{mongocxx::uri{"mongodb://localhost:27017"}};
// CHECK: mongocxx-reset.cpp:[[#DEF:@LINE-1]]:18: warning: 'client' (MongoDB C++ driver (mongocxx)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: mongocxx-reset.cpp:[[#DEF]]:18: note: 'client' created here by mongocxx::v_noabi::client::client()

int main() {
  if (fork() == 0) {
    // CHECK: mongocxx-reset.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'client'
#ifndef FIXED
    client.database("admin").has_collection("system.users");
    // CHECK: mongocxx-reset.cpp:[[#@LINE-1]]:5: note: 'client' used here in the child process by mongocxx::v_noabi::client::database()
#endif
    client.reset();
    client.database("admin").has_collection("system.users");
    _exit(0);
  }
  return 0;
}
// CHECK: mongocxx-reset.cpp:[[#DEF]]:18: note: create the mongocxx::client or mongocxx::pool in each process after fork(), or call client.reset() in the child before any other use
// CHECK: mongocxx-reset.cpp:[[#DEF]]:18: note: fix-it: make 'client' a forksafe::per_process<mongocxx::client>, which each process creates on first use (a child never uses or closes its parent's)
