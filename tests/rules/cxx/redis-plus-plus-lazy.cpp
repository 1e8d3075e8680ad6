// redis-plus-plus connects lazily: a sw::redis::Redis constructed before the
// fork but first used in the child is fine (the child opens its own
// connection). Only a command sent before the fork, here a cache warm-up in
// a helper, makes the object live and shared.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus -DFIXED | count 0
#include <sw/redis++/redis++.h>
#include <unistd.h>

sw::redis::ConnectionOptions options;
sw::redis::Redis *cache;
// CHECK: redis-plus-plus-lazy.cpp:[[#DEF:@LINE-1]]:19: warning: 'cache' (redis-plus-plus) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void warm_up() {
  cache->set("config:loaded", "1");
  // CHECK: redis-plus-plus-lazy.cpp:[[#@LINE-1]]:3: note: 'cache' connected here by its first use, sw::redis::Redis::set()
}

int main() {
  cache = new sw::redis::Redis(options);
#ifndef FIXED
  warm_up();
#endif
  if (fork() == 0) {
    // CHECK: redis-plus-plus-lazy.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'cache'
    cache->get("config:loaded");
    // CHECK: redis-plus-plus-lazy.cpp:[[#@LINE-1]]:5: note: 'cache' used here in the child process by sw::redis::Redis::get()
    _exit(0);
  }
  cache->get("config:loaded");
  return 0;
}
// CHECK: redis-plus-plus-lazy.cpp:[[#DEF]]:19: note: construct sw::redis objects in each process after fork(); a sw::redis::Redis may be constructed earlier if no command is sent on it before fork()
