// The set a loop select()s on is often a copy of one built once before it
// ('fd_set r = all;', 'r = all;'): the copy has its source's bits. Only the
// children add the listening socket to 'all' (or, with CLEARED, the parent
// removes it with FD_CLR), so the parent never serves and never opens the
// connection before it forks more children: silent. With PARENT_SERVES the
// parent adds it too; with LIBRARY_CALL the copy is handed to a library
// function, which may set any bit: then the parent may serve, and its next
// fork hands its connection to a child that serves on it.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DASSIGN | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DCLEARED | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DPARENT_SERVES | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DLIBRARY_CALL | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stddef.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: select-bit-copied-set.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
extern void watch_more(fd_set *set);

static void serve(int fd) {
  if (!conn) {
    conn = mysql_init(NULL);
    mysql_real_connect(conn, "db", "u", "p", "auth", 0, NULL, 0);
  }
  mysql_query(conn, "SELECT 1");
  close(fd);
}

static int start_children(int n) {
  for (int i = 0; i < n; i++)
    if (fork() == 0)
      return 1;
  return 0;
}

int main(void) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  int pipefd[2];
  if (pipe(pipefd))
    return 1;
  int do_child = start_children(4);
  fd_set all;
  FD_ZERO(&all);
  FD_SET(pipefd[0], &all);
#if defined(PARENT_SERVES) || defined(CLEARED)
  FD_SET(s, &all);
#else
  if (do_child)
    FD_SET(s, &all);
#endif
#ifdef CLEARED
  if (!do_child)
    FD_CLR(s, &all);
#endif
  for (;;) {
#ifdef ASSIGN
    fd_set r;
    r = all;
#else
    fd_set r = all;
#endif
#ifdef LIBRARY_CALL
    watch_more(&r);
#endif
    if (select(s + 1, &r, NULL, NULL, NULL) < 0)
      continue;
    if (FD_ISSET(pipefd[0], &r)) {
      if (do_child)
        return 0;
      do_child = start_children(4);
      continue;
    }
    if (FD_ISSET(s, &r)) {
      int fd = accept(s, NULL, NULL);
      if (fd >= 0)
        serve(fd);
    }
  }
}
// CHECK: select-bit-copied-set.c:[[#DEF+7]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: select-bit-copied-set.c:[[#DEF+54]]:18: note: 'start_children' called from here
// CHECK: select-bit-copied-set.c:[[#DEF+15]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: select-bit-copied-set.c:[[#DEF+60]]:9: note: 'serve' called from here in the child process
// CHECK: select-bit-copied-set.c:[[#DEF+9]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: select-bit-copied-set.c:[[#DEF]]:15: note: create the handle lazily
