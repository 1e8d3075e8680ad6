// The NOLINT comment family (same line, next line, begin/end regions) at the
// handle's definition
// silence the finding; a NOLINT naming another check does not.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DMODE=1 | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DMODE=2 | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DMODE=3 | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DMODE=4 | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DMODE=5 | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <hiredis.h>
#include <unistd.h>

#if MODE == 1
redisContext *rc; // NOLINT(forksafe-inherited-handle): the child only calls redisReconnect
#elif MODE == 2
// NOLINTNEXTLINE(forksafe-*)
redisContext *rc;
#elif MODE == 3
// NOLINTBEGIN(forksafe-inherited-handle)
redisContext *rc;
// NOLINTEND(forksafe-inherited-handle)
#elif MODE == 4
redisContext *rc; // NOLINT
#else
redisContext *rc; // NOLINT(bugprone-branch-clone)
// CHECK: nolint.c:[[#DEF:@LINE-1]]:15: warning: 'rc' (hiredis)
#endif

int main(void) {
  rc = redisConnect("localhost", 6379);
  // CHECK: nolint.c:[[#@LINE-1]]:8: note: 'rc' created here
  if (fork() == 0) {
    // CHECK: nolint.c:[[#@LINE-1]]:7: note: fork() forks here
    redisCommand(rc, "PING");
    // CHECK: nolint.c:[[#@LINE-1]]:5: note: 'rc' used here
    _exit(0);
  }
  return 0;
}
// CHECK: nolint.c:[[#DEF]]:15: note: connect in each process
