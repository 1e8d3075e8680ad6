// The failure branch of a create: the handle is null there, so nothing is
// live on that path ('if (!c) return -1;'). The master connects for a
// startup check, gives up if that failed, and closes; only the success path
// decides. With BUG the success path leaves the connection open.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// Every spelling of the test: '== NULL', 'NULL != c', '(c = f()) == NULL'.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DEQ_NULL | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DNULL_NE | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DASSIGN_IN_TEST | count 0
#include <hiredis.h>
#include <stddef.h>
#include <unistd.h>

static redisContext *c;
// CHECK: null-check-after-create.c:[[#DEF:@LINE-1]]:22: warning: 'c' (hiredis) is connected when the process forks with fork() and is used in the child process

static int check_server(void) {
#if defined(ASSIGN_IN_TEST)
  if ((c = redisConnect("127.0.0.1", 6379)) == NULL)
    return -1;
#else
  c = redisConnect("127.0.0.1", 6379);
  // CHECK: null-check-after-create.c:[[#@LINE-1]]:7: note: 'c' created here by redisConnect()
#if defined(EQ_NULL)
  if (c == NULL)
    return -1;
#elif defined(NULL_NE)
  if (NULL != c) {
    redisFree(c);
    c = NULL;
    return 0;
  }
  return -1;
#else
  if (!c)
    return -1;
#endif
#endif
#ifndef BUG
  redisFree(c);
  c = NULL;
#endif
  return 0;
}

int main(void) {
  check_server(); // even without testing the result
  if (fork() == 0)
    // CHECK: null-check-after-create.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'c'
    redisCommand(c, "PING");
    // CHECK: null-check-after-create.c:[[#@LINE-1]]:5: note: 'c' used here in the child process by redisCommand()
  return 0;
}
// CHECK: null-check-after-create.c:[[#DEF]]:22: note:
