// redis-plus-plus: sw::redis::AsyncRedis runs an event-loop thread from its
// construction, so unlike sw::redis::Redis it is live as soon as it exists;
// the child has the object but not the thread. The fix constructs it in the
// child.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/redis-plus-plus -DFIXED | count 0
#include <memory>
#include <sw/redis++/async_redis.h>
#include <unistd.h>

std::unique_ptr<sw::redis::AsyncRedis> events;
// CHECK: redis-plus-plus-async.cpp:[[#DEF:@LINE-1]]:40: warning: 'events' (redis-plus-plus) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main() {
#ifndef FIXED
  events = std::make_unique<sw::redis::AsyncRedis>("tcp://127.0.0.1:6379");
  // CHECK: redis-plus-plus-async.cpp:[[#@LINE-1]]:12: note: 'events' created here by sw::redis::AsyncRedis::AsyncRedis()
#endif
  if (fork() == 0) {
    // CHECK: redis-plus-plus-async.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'events'
#ifdef FIXED
    events.release(); // leak the inherited object: its destructor would join a thread the child lacks
    events = std::make_unique<sw::redis::AsyncRedis>("tcp://127.0.0.1:6379");
#endif
    events->set("worker:up", "1").get();
    // CHECK: redis-plus-plus-async.cpp:[[#@LINE-1]]:5: note: 'events' used here in the child process by sw::redis::AsyncRedis::set()
    _exit(0);
  }
  return 0;
}
// CHECK: redis-plus-plus-async.cpp:[[#DEF]]:40: note: construct sw::redis objects in each process after fork()
