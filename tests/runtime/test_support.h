/* Small test harness for the runtime tests: run a function in a child made
 * by a given process-creation path, capture the child's stderr, and check
 * its exit status. C99, shared by the C and C++ tests. */
#ifndef FORKSAFE_TEST_SUPPORT_H
#define FORKSAFE_TEST_SUPPORT_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>


static int t_failures = 0;
#define T_CHECK(cond, ...)                                                         \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);              \
      fprintf(stderr, __VA_ARGS__);                                                \
      fputc('\n', stderr);                                                         \
      ++t_failures;                                                                \
    }                                                                              \
  } while (0)

enum t_how { T_FORK, T_SYS_FORK, T_CLONE, T_SYS_CLONE, T_UFORK, T_HOW_COUNT };
static const char *const t_how_name[] = {"fork", "syscall(SYS_fork)", "clone(SIGCHLD)",
                                         "syscall(SYS_clone)", "_Fork"};

typedef int (*t_child_fn)(void *arg);

typedef struct t_result {
  pid_t pid;
  int status;
  char err[4096]; /* child's stderr */
} t_result;

typedef struct t_tramp {
  t_child_fn fn;
  void *arg;
  int errfd;
} t_tramp;

__attribute__((unused)) static int t_trampoline(void *p) {
  t_tramp *t = (t_tramp *)p;
  dup2(t->errfd, 2);
  close(t->errfd);
  _exit(t->fn(t->arg));
  return 0;
}

__attribute__((unused)) static void t_read_all(int fd, char *buf, size_t cap) {
  size_t n = 0;
  for (;;) {
    ssize_t r = read(fd, buf + n, cap - 1 - n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0 || n + (size_t)r >= cap - 1) { if (r > 0) n += (size_t)r; break; }
    n += (size_t)r;
  }
  buf[n] = '\0';
}

/* Run fn(arg) in a child created by `how`; fills r (pid, wait status, stderr). */
__attribute__((unused)) static void t_run_child(enum t_how how, t_child_fn fn, void *arg, t_result *r) {
  int p[2];
  pid_t pid = -1;
  t_tramp t;
  static char stack[256 * 1024] __attribute__((aligned(16)));
  if (pipe(p) != 0) { perror("pipe"); exit(2); }
  t.fn = fn;
  t.arg = arg;
  t.errfd = p[1];
  fflush(NULL);
  switch (how) {
    case T_FORK: pid = fork(); break;
    case T_SYS_FORK: pid = (pid_t)syscall(SYS_fork); break;
    case T_CLONE: pid = clone(t_trampoline, stack + sizeof stack, SIGCHLD, &t); break;
    case T_SYS_CLONE: pid = (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0); break;
    case T_UFORK: pid = _Fork(); break;
    default: break;
  }
  if (pid < 0) { perror("create child"); exit(2); }
  if (pid == 0) { close(p[0]); t_trampoline(&t); }
  close(p[1]);
  r->pid = pid;
  t_read_all(p[0], r->err, sizeof r->err);
  close(p[0]);
  while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR) {}
}

__attribute__((unused)) static int t_exited_ok(const t_result *r) { return WIFEXITED(r->status) && WEXITSTATUS(r->status) == 0; }
__attribute__((unused)) static int t_aborted(const t_result *r) { return WIFSIGNALED(r->status) && WTERMSIG(r->status) == SIGABRT; }

__attribute__((unused)) static const char *t_status_str(const t_result *r) {
  static char b[64];
  if (WIFEXITED(r->status)) snprintf(b, sizeof b, "exit %d", WEXITSTATUS(r->status));
  else if (WIFSIGNALED(r->status)) snprintf(b, sizeof b, "signal %d", WTERMSIG(r->status));
  else snprintf(b, sizeof b, "status 0x%x", r->status);
  return b;
}

/* stderr starts with "forksafe: <func>() called on", names both pids, the
 * creation site and the remedy. */
/* Sanitizer runtimes may print warnings first (e.g. ASan on clone's stack). */
__attribute__((unused)) static const char *t_skip_noise(const char *err) {
  while (strncmp(err, "==", 2) == 0 || strncmp(err, "False positive", 14) == 0 ||
         strncmp(err, "For details", 11) == 0) {
    const char *nl = strchr(err, '\n');
    if (!nl) break;
    err = nl + 1;
  }
  return err;
}

__attribute__((unused)) static int t_is_report(const char *err, const char *func, const char *site, pid_t owner, pid_t user) {
  char want[256];
  err = t_skip_noise(err);
  snprintf(want, sizeof want, "forksafe: %s() called on ", func);
  if (strncmp(err, want, strlen(want)) != 0) return 0;
  snprintf(want, sizeof want, "created at %s by pid %d ", site, (int)owner);
  if (!strstr(err, want)) return 0;
  snprintf(want, sizeof want, "but this is pid %d ", (int)user);
  if (!strstr(err, want)) return 0;
  return strstr(err, "forksafe::per_process") != NULL && strstr(err, "never close") != NULL;
}

__attribute__((unused)) static int t_finish(const char *name) {
  if (t_failures) {
    fprintf(stderr, "%s: %d check(s) failed\n", name, t_failures);
    return 1;
  }
  printf("%s: all checks passed\n", name);
  return 0;
}

#endif
