// redis-plus-plus: a global sw::redis::Redis whose first command (in main,
// before the fork) opened its connection; the child then sends commands on
// the same connection. The fix sends no command before the fork: the
// connection is created lazily in each process.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus -DFIXED | count 0
#include <sw/redis++/redis++.h>
#include <unistd.h>

sw::redis::Redis redis("tcp://127.0.0.1:6379");
// CHECK: redis-plus-plus.cpp:[[#DEF:@LINE-1]]:18: warning: 'redis' (redis-plus-plus) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void worker();

int main() {
#ifndef FIXED
  redis.ping();
  // CHECK: redis-plus-plus.cpp:[[#@LINE-1]]:3: note: 'redis' connected here by its first use, sw::redis::Redis::ping()
#endif
  for (int i = 0; i < 2; ++i)
    if (fork() == 0) {
      // CHECK: redis-plus-plus.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'redis'
      worker();
      // CHECK: redis-plus-plus.cpp:[[#@LINE-1]]:7: note: 'worker' called from here in the child process
      _exit(0);
    }
  return 0;
}

static void worker() {
  redis.incr("jobs:done");
  // CHECK: redis-plus-plus.cpp:[[#@LINE-1]]:3: note: 'redis' used here in the child process by sw::redis::Redis::incr()
}
// CHECK: redis-plus-plus.cpp:[[#DEF]]:18: note: construct sw::redis objects in each process after fork(); a sw::redis::Redis may be constructed earlier if no command is sent on it before fork()
