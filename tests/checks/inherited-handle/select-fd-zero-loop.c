// courier-authlib's authdaemond loop, shortened: the master and the workers
// run one select() loop; only workers ('if (do_child)') watch the listening
// socket, serve and connect. glibc's FD_ZERO() clears the set in a loop, and
// on the loop's first entry the bits are not known yet; the set is cleared
// where FD_ZERO() begins, so no path leaves its loop with the socket's bit
// unknown and the master never serves, never connects, and hands nothing to
// the workers it forks on a restart. Silent. With PARENT_SERVES the master
// watches the socket too: it may serve and connect, and its restart hands
// the connection to a worker that serves on it and closes it when idle.
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -DPARENT_SERVES | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <signal.h>
#include <stdlib.h>
#include <stddef.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <errno.h>
#include <unistd.h>

static MYSQL *conn;
// CHECK: select-fd-zero-loop.c:[[#DEF:@LINE-1]]:15: warning: 'conn' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process
static unsigned ndaemons;
static int sighup_pipe = -1;
static int sigterm_received = 0;

static void serve(int fd) {
  if (!conn) {
    conn = mysql_init(NULL);
    mysql_real_connect(conn, "db", "u", "p", "auth", 0, NULL, 0);
  }
  mysql_query(conn, "SELECT 1");
  (void)fd;
}

static void idlefunc(void) {
  if (conn) {
    mysql_close(conn);
    conn = NULL;
  }
}

static int readconfig(void) {
  const char *n = getenv("DAEMONS");
  ndaemons = n ? (unsigned)atoi(n) : 1;
  return 0;
}

static void sighup(int n) {
  (void)n;
  if (sighup_pipe >= 0) {
    close(sighup_pipe);
    sighup_pipe = -1;
  }
  signal(SIGHUP, sighup);
}

static void sigterm(int n) {
  (void)n;
  sigterm_received = 1;
  if (sighup_pipe >= 0) {
    close(sighup_pipe);
    sighup_pipe = -1;
  } else {
    kill(0, SIGTERM);
    _exit(0);
  }
}

static int startchildren(int *pipefd) {
  unsigned i;
  pid_t p;
  signal(SIGCHLD, sighup);
  for (i = 0; i < ndaemons; i++) {
    p = fork();
    while (p == -1) {
      sleep(5);
      p = fork();
    }
    if (p == 0) {
      sighup_pipe = -1;
      close(pipefd[1]);
      signal(SIGHUP, SIG_DFL);
      signal(SIGTERM, SIG_DFL);
      signal(SIGCHLD, SIG_DFL);
      return 1;
    }
  }
  return 0;
}

static int killchildren(int *pipefd) {
  int waitstat;
  while (wait(&waitstat) >= 0 || errno != ECHILD)
    ;
  if (pipe(pipefd))
    return -1;
  return 0;
}

int main(void) {
  int s, fd, pipefd[2], do_child;
  for (fd = 3; fd < 256; fd++)
    close(fd);
  if (pipe(pipefd))
    return 1;
  if (readconfig())
    return 1;
  s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0)
    return 1;
  signal(SIGPIPE, SIG_IGN);
  signal(SIGHUP, sighup);
  signal(SIGTERM, sigterm);
  sighup_pipe = pipefd[1];
  do_child = startchildren(pipefd);
  for (;;) {
    fd_set fds;
    struct timeval tv;
    FD_ZERO(&fds);
    FD_SET(pipefd[0], &fds);
#ifdef PARENT_SERVES
    FD_SET(s, &fds);
#else
    if (do_child)
      FD_SET(s, &fds);
#endif
    tv.tv_sec = 300;
    tv.tv_usec = 0;
    if (select((s > pipefd[0] ? s : pipefd[0]) + 1, &fds, 0, 0, &tv) < 0)
      continue;
    if (FD_ISSET(pipefd[0], &fds)) {
      close(pipefd[0]);
      if (do_child)
        return 0;
      while (killchildren(pipefd))
        sleep(5);
      if (sigterm_received)
        return 0;
      readconfig();
      sighup_pipe = pipefd[1];
      do_child = startchildren(pipefd);
      continue;
    }
    if (!FD_ISSET(s, &fds)) {
      idlefunc();
      continue;
    }
    if ((fd = accept(s, NULL, NULL)) < 0)
      continue;
    serve(fd);
    close(fd);
  }
}
// CHECK: select-fd-zero-loop.c:[[#DEF+9]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: select-fd-zero-loop.c:[[#DEF+121]]:18: note: 'startchildren' called from here
// CHECK: select-fd-zero-loop.c:[[#DEF+54]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: select-fd-zero-loop.c:[[#DEF+130]]:5: note: 'serve' called from here in the child process
// CHECK: select-fd-zero-loop.c:[[#DEF+11]]:3: note: 'conn' used here in the child process by mysql_query()
// CHECK: select-fd-zero-loop.c:[[#DEF]]:15: note: create the handle lazily
// CHECK: select-fd-zero-loop.c:[[#DEF]]:15: warning: 'conn' (MySQL/MariaDB C API) is inherited by a child process and closed there
// CHECK: select-fd-zero-loop.c:[[#DEF+9]]:5: note: 'conn' connected here by mysql_real_connect()
// CHECK: select-fd-zero-loop.c:[[#DEF+121]]:18: note: 'startchildren' called from here
// CHECK: select-fd-zero-loop.c:[[#DEF+54]]:9: note: fork() forks here; the child inherits 'conn'
// CHECK: select-fd-zero-loop.c:[[#DEF+125]]:7: note: 'idlefunc' called from here in the child process
// CHECK: select-fd-zero-loop.c:[[#DEF+17]]:5: note: 'conn' closed here in the child process by mysql_close()
// CHECK: select-fd-zero-loop.c:[[#DEF]]:15: note: leave the child with _exit()
