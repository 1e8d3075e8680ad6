// A prefork loop in which only the children listen (courier-authlib's
// authdaemond): every process select()s on a pipe, and only 'if
// (do_child)' also on the listening socket; it accept()s and serves (here
// with a connection it opens lazily and keeps) only when FD_ISSET(s) says
// the socket is readable. select() never sets a bit it was not given, so
// the parent, which did not add the socket, never serves and never opens
// the connection before it forks more children: silent. With PARENT_SERVES
// the parent adds the socket too, serves, and its next fork hands its
// connection to the child, which serves on it. With MEMSET_ZERO the set is
// cleared as musl's FD_ZERO() does, with memset().
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -O2 | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -DMEMSET_ZERO | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DPARENT_SERVES | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stddef.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: select-bit-never-set.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

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
  for (;;) {
    fd_set fds;
    struct timeval tv = {300, 0};
#ifdef MEMSET_ZERO
    memset(&fds, 0, sizeof(fds));
#else
    FD_ZERO(&fds);
#endif
    FD_SET(pipefd[0], &fds);
#ifdef PARENT_SERVES
    FD_SET(s, &fds);
#else
    if (do_child)
      FD_SET(s, &fds);
#endif
    if (select((s > pipefd[0] ? s : pipefd[0]) + 1, &fds, NULL, NULL, &tv) < 0)
      continue;
    if (FD_ISSET(pipefd[0], &fds)) {
      if (do_child)
        return 0;
      do_child = start_children(4);
      continue;
    }
    if (!FD_ISSET(s, &fds))
      continue;
    int fd = accept(s, NULL, NULL);
    if (fd >= 0)
      serve(fd);
  }
}
// CHECK: select-bit-never-set.c:[[#DEF+6]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: select-bit-never-set.c:[[#DEF+45]]:18: note: 'start_children' called from here
// CHECK: select-bit-never-set.c:[[#DEF+14]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: select-bit-never-set.c:[[#DEF+52]]:7: note: 'serve' called from here in the child process
// CHECK: select-bit-never-set.c:[[#DEF+8]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: select-bit-never-set.c:[[#DEF]]:15: note: create the handle lazily
