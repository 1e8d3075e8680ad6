// mongocxx 3.9 and older declare the driver classes in an inline namespace
// (mongocxx::v_noabi), so forksafe sees 'mongocxx::client'; 3.10 and later
// use a plain namespace and using-declarations ('mongocxx::v_noabi::client',
// see mongocxx.cpp). The rule file lists both spellings. The fix creates the
// client in the child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx-3.9 | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/mongocxx-3.9 -DFIXED | count 0
#include <mongocxx/client.hpp>
#include <mongocxx/instance.hpp>
#include <unistd.h>

mongocxx::instance driver;
#ifndef FIXED
mongocxx::client client{mongocxx::uri{"mongodb://localhost:27017"}};
// CHECK: mongocxx-inline-namespace.cpp:[[#DEF:@LINE-1]]:18: warning: 'client' (MongoDB C++ driver (mongocxx)) is connected when the process forks
// CHECK: mongocxx-inline-namespace.cpp:[[#DEF]]:18: note: 'client' created here by mongocxx::client::client()
#endif

int main() {
  if (fork() == 0) {
    // CHECK: mongocxx-inline-namespace.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'client'
#ifdef FIXED
    mongocxx::client client{mongocxx::uri{"mongodb://localhost:27017"}};
#endif
    client["app"].has_collection("users");
    // CHECK: mongocxx-inline-namespace.cpp:[[#@LINE-1]]:5: note: 'client' used here in the child process by mongocxx::client::operator[]()
    _exit(0);
  }
  return 0;
}
// CHECK: mongocxx-inline-namespace.cpp:[[#DEF]]:18: note: create the mongocxx::client or mongocxx::pool in each process after fork()
// CHECK: mongocxx-inline-namespace.cpp:[[#DEF]]:18: note: fix-it: make 'client' a forksafe::per_process<mongocxx::client>, which each process creates on first use (a child never uses or closes its parent's)
