// 'fatal(LOG_DIE, ...)' never returns: the logger exits when the flags ask
// for it and returns otherwise. The queue runner child ends its branch with
// fatal(LOG_DIE | LOG_PANIC, ...) and no _exit(), as servers do, so it never
// falls through to the parent's code after the 'if'. The constant flags
// bound to 'flags' decide the branch in the callee ('flags & LOG_DIE').
// With BUG the child logs with LOG_WARN, returns, and runs the parent's
// bookkeeping on the inherited connection.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#define LOG_WARN 0x01
#define LOG_PANIC 0x02
#define LOG_DIE 0x10

static MYSQL *queue_db;
// CHECK: const-arg-fatal-log-die.c:[[#DEF:@LINE-1]]:15: warning: 'queue_db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

static void fatal(int flags, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  if (flags & LOG_DIE)
    exit(EXIT_FAILURE);
}

static int next_job(void) { return getchar(); }

static void queue_runner(void) {
  for (;;) {
    int job = next_job();
    if (job < 0)
      return;
    printf("job %d\n", job);
  }
}

static void start_queue_runner(void) {
  pid_t pid = fork();
  if (pid == 0) {
    queue_runner();
#ifdef BUG
    fatal(LOG_WARN, "queue runner stopped");
#else
    fatal(LOG_DIE | LOG_PANIC, "queue runner stopped");
#endif
  }
  if (pid < 0)
    fatal(LOG_WARN, "fork failed");
  mysql_query(queue_db, "UPDATE runners SET started = NOW()");
}

int main(void) {
  queue_db = mysql_init(NULL);
  mysql_real_connect(queue_db, "db", "mta", "pw", "queue", 0, NULL, 0);
  start_queue_runner();
  mysql_close(queue_db);
  return 0;
}
// The child that comes back from fatal(LOG_WARN, ...) uses the connection,
// then closes it in main.
// CHECK: const-arg-fatal-log-die.c:[[#DEF+41]]:3: note: 'queue_db' connected here by mysql_real_connect()
// CHECK: const-arg-fatal-log-die.c:[[#DEF+42]]:3: note: 'start_queue_runner' called from here
// CHECK: const-arg-fatal-log-die.c:[[#DEF+25]]:15: note: fork() forks here; the child inherits 'queue_db'
// CHECK: const-arg-fatal-log-die.c:[[#DEF+36]]:3: note: 'queue_db' used here in the child process by mysql_query()
// CHECK: const-arg-fatal-log-die.c:[[#DEF]]:15: note: create the handle lazily
// CHECK: const-arg-fatal-log-die.c:[[#DEF]]:15: warning: 'queue_db' (MySQL/MariaDB C API) is inherited by a child process and closed there
// CHECK: const-arg-fatal-log-die.c:[[#DEF+41]]:3: note: 'queue_db' connected here by mysql_real_connect()
// CHECK: const-arg-fatal-log-die.c:[[#DEF+42]]:3: note: 'start_queue_runner' called from here
// CHECK: const-arg-fatal-log-die.c:[[#DEF+25]]:15: note: fork() forks here; the child inherits 'queue_db'
// CHECK: const-arg-fatal-log-die.c:[[#DEF+43]]:3: note: 'queue_db' closed here in the child process by mysql_close()
// CHECK: const-arg-fatal-log-die.c:[[#DEF]]:15: note: leave the child with _exit()
