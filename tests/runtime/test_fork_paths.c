/* Fork detection and ownership checks across every way of making a process.
 * Each child's exit status and stderr are asserted, not just the parent's.
 * Built normally, with FORKSAFE_FORCE_FALLBACK, and under TSan/ASan. */
#include "test_support.h"

#include <forksafe/runtime.h>

#include <pthread.h>
#include <spawn.h>
#include <stdint.h>
#include <sys/prctl.h>

extern char **environ;

static forksafe_owner g_conn; /* the parent's "handle" */
static int g_conn_line;
static char g_site[64];
static uint64_t g_parent_gen;
static pid_t g_parent_pid;

#if defined(__SANITIZE_THREAD__)
#define T_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define T_TSAN 1
#endif
#endif

/* child: use the parent's handle; must abort before returning */
static int child_use_parent_handle(void *arg) {
  (void)arg;
  FORKSAFE_CHECK(&g_conn, "db_query");
  return 3; /* not reached when the check works */
}

/* child: new generation, and its own handle works */
static int child_own_handle(void *arg) {
  forksafe_owner mine;
  (void)arg;
  if (forksafe_generation() == g_parent_gen) return 10;
  if (forksafe_generation() != forksafe_generation()) return 11;
  FORKSAFE_OWNER_INIT(&mine, "DB", "mine");
  FORKSAFE_CHECK(&mine, "db_query");
  if (FORKSAFE_OWNER_IS_CURRENT(&g_conn)) return 12;
  return 0;
}

static void test_paths(void) {
  int how;
  for (how = 0; how < T_HOW_COUNT; ++how) {
    t_result r;
    t_run_child((enum t_how)how, child_use_parent_handle, NULL, &r);
    T_CHECK(t_aborted(&r), "%s: child using parent's handle: %s, stderr: %s", t_how_name[how],
            t_status_str(&r), r.err);
    T_CHECK(t_is_report(r.err, "db_query", g_site, g_parent_pid, r.pid), "%s: message: %s",
            t_how_name[how], r.err);
    T_CHECK(strstr(r.err, "DB handle 'conn'") != NULL, "%s: names the handle: %s", t_how_name[how], r.err);

    t_run_child((enum t_how)how, child_own_handle, NULL, &r);
    T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "%s: child's own handle: %s, stderr: %s",
            t_how_name[how], t_status_str(&r), r.err);
  }
  /* the parent is untouched by all of it */
  T_CHECK(forksafe_generation() == g_parent_gen, "parent generation changed");
  FORKSAFE_CHECK(&g_conn, "db_query");
}

/* grandchild: uses the grandparent's and the child's handle */
static forksafe_owner g_child_conn;
static int grandchild_uses_child_handle(void *arg) {
  (void)arg;
  FORKSAFE_CHECK(&g_child_conn, "db_exec");
  return 3;
}
static int child_makes_grandchild(void *arg) {
  t_result r;
  uint64_t mygen = forksafe_generation();
  (void)arg;
  FORKSAFE_OWNER_INIT(&g_child_conn, "DB", "child_conn");
  t_run_child(T_SYS_FORK, grandchild_uses_child_handle, NULL, &r);
  if (!t_aborted(&r) || strncmp(t_skip_noise(r.err), "forksafe: db_exec() called on DB handle 'child_conn'", 52) != 0) {
    fprintf(stderr, "grandchild/child handle: %s: %s", t_status_str(&r), r.err);
    return 20;
  }
  t_run_child(T_FORK, child_use_parent_handle, NULL, &r);
  if (!t_aborted(&r) || !t_is_report(r.err, "db_query", g_site, g_parent_pid, r.pid)) {
    fprintf(stderr, "grandchild/grandparent handle: %s: %s", t_status_str(&r), r.err);
    return 21;
  }
  t_run_child(T_FORK, child_own_handle, NULL, &r);
  if (!t_exited_ok(&r)) return 22;
  if (forksafe_generation() != mygen) return 23;
  FORKSAFE_CHECK(&g_child_conn, "db_exec"); /* still fine in the child itself */
  return 0;
}

static void test_nested(void) {
  t_result r;
  t_run_child(T_FORK, child_makes_grandchild, NULL, &r);
  T_CHECK(t_exited_ok(&r), "nested: %s, stderr: %s", t_status_str(&r), r.err);
}

/* vfork shares memory: same generation (TSan turns vfork into fork, and the
 * getpid fallback gives a vfork child its own generation: skip those). */
static void test_vfork(void) {
  pid_t pid;
  int st = 0;
  uint64_t before = forksafe_generation();
#ifdef FORKSAFE_FORCE_FALLBACK
  pid = vfork(); /* the child takes a generation; the parent must get its own back */
  if (pid == 0) _exit(forksafe_generation() != 0 ? 0 : 1);
  T_CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "vfork child: status 0x%x", st);
#endif
#if !defined(T_TSAN) && !defined(FORKSAFE_FORCE_FALLBACK)
  pid = vfork();
  if (pid == 0) _exit(forksafe_generation() == before ? 0 : 1);
  T_CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "vfork child saw another generation (status 0x%x)", st);
#endif
  pid = vfork();
  if (pid == 0) {
    execl("/bin/true", "true", (char *)NULL);
    _exit(127);
  }
  T_CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "vfork+exec: status 0x%x", st);
  T_CHECK(forksafe_generation() == before, "vfork changed the parent's generation");
  FORKSAFE_CHECK(&g_conn, "db_query");
}

static void test_posix_spawn(void) {
  pid_t pid;
  int st = 0;
  char *argv[] = {(char *)"true", NULL};
  uint64_t before = forksafe_generation();
  T_CHECK(posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) == 0, "posix_spawn failed");
  T_CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "posix_spawn child: status 0x%x", st);
  T_CHECK(forksafe_generation() == before, "posix_spawn changed the parent's generation");
  FORKSAFE_CHECK(&g_conn, "db_query");
}

/* daemon(): the daemon is an orphaned grandchild; as a subreaper we reap it. */
static int child_daemonizes(void *arg) {
  (void)arg;
  if (daemon(1, 1) != 0) return 30; /* noclose: keep our stderr pipe */
  FORKSAFE_CHECK(&g_conn, "db_query");
  _exit(3);
}
static void test_daemon(void) {
  t_result r;
  int st = 0;
  pid_t d;
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  t_run_child(T_FORK, child_daemonizes, NULL, &r); /* returns once the daemon closed stderr */
  T_CHECK(t_exited_ok(&r), "daemon(): intermediate child: %s", t_status_str(&r));
  d = waitpid(-1, &st, 0);
  T_CHECK(d > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT, "daemon(): daemon status 0x%x", st);
  T_CHECK(t_is_report(r.err, "db_query", g_site, g_parent_pid, d), "daemon(): message: %s", r.err);
  prctl(PR_SET_CHILD_SUBREAPER, 0);
}

/* A handler that returns instead of aborting: the call goes on. */
static int child_log_and_continue(void *arg) {
  (void)arg;
  forksafe_set_handler(forksafe_handler_log_and_continue, NULL);
  FORKSAFE_CHECK(&g_conn, "db_query");
  return 0;
}
static void test_handler(void) {
  t_result r;
  t_run_child(T_FORK, child_log_and_continue, NULL, &r);
  T_CHECK(t_exited_ok(&r), "handler: %s", t_status_str(&r));
  T_CHECK(t_is_report(r.err, "db_query", g_site, g_parent_pid, r.pid), "handler message: %s", r.err);
}

/* Registry keyed by handle address. */
static int g_handle_obj;
static int child_registry(void *arg) {
  (void)arg;
  FORKSAFE_CHECK_HANDLE((void *)&t_failures, "db_query"); /* unregistered: passes */
  FORKSAFE_CHECK_HANDLE(&g_handle_obj, "db_query");
  return 3;
}
static void test_registry(void) {
  t_result r;
  FORKSAFE_REGISTER(&g_handle_obj, "DB", "reg");
  FORKSAFE_CHECK_HANDLE(&g_handle_obj, "db_query");
  t_run_child(T_SYS_FORK, child_registry, NULL, &r);
  T_CHECK(t_aborted(&r) && strstr(r.err, "DB handle 'reg'"), "registry: %s: %s", t_status_str(&r), r.err);
  FORKSAFE_UNREGISTER(&g_handle_obj);
  t_run_child(T_SYS_FORK, child_registry, NULL, &r);
  T_CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 3, "unregistered: %s: %s", t_status_str(&r), r.err);
}

/* PID reuse: process A records a handle and exits; its descendant C is made
 * to get A's pid (ns_last_pid, root only). Generations still tell them apart. */
static int pidreuse_c(void *arg) {
  (void)arg;
  FORKSAFE_CHECK(&g_child_conn, "db_query");
  return 3;
}
static int pidreuse_b(void *arg) {
  pid_t a = *(pid_t *)arg;
  int tries;
  while (getppid() == a || kill(a, 0) == 0) usleep(1000); /* wait until A is reaped */
  for (tries = 0; tries < 50; ++tries) {
    t_result r;
    int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%d", (int)a - 1);
    if (fd < 0) return 77;
    if (write(fd, buf, (size_t)n) != n) { close(fd); return 77; }
    close(fd);
    t_run_child(T_FORK, pidreuse_c, NULL, &r);
    if (r.pid != a) continue; /* lost a race with another fork on the box */
    if (!t_aborted(&r)) return 40;
    if (!t_is_report(r.err, "db_query", "test_fork_paths.c", a, a) && !strstr(r.err, "by pid")) return 41;
    printf("pid reuse: caught a grandchild with the original pid %d:\n%s", (int)a, r.err);
    fflush(stdout);
    return 0;
  }
  return 77;
}
static int pidreuse_a(void *arg) {
  pid_t b, a = getpid();
  (void)arg;
  FORKSAFE_OWNER_INIT(&g_child_conn, "DB", "a_conn");
  b = fork();
  if (b == 0) {
    int null = open("/dev/null", O_WRONLY); /* let our parent's pipe reach EOF */
    dup2(null, 2);
    _exit(pidreuse_b(&a));
  }
  return 0; /* A exits; B carries on, reparented to us (subreaper) */
}
static void test_pid_reuse(void) {
  t_result r;
  int st = 0;
  pid_t b;
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  t_run_child(T_FORK, pidreuse_a, NULL, &r);
  b = waitpid(-1, &st, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 0);
  if (WIFEXITED(st) && WEXITSTATUS(st) == 77) {
    printf("pid reuse: skipped (needs root and a quiet pid space)\n");
    return;
  }
  T_CHECK(b > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "pid reuse: status 0x%x", st);
}

int main(void) {
  g_parent_pid = getpid();
  g_parent_gen = forksafe_generation();
  T_CHECK(g_parent_gen != 0, "generation is 0");
#ifdef FORKSAFE_FORCE_FALLBACK
  T_CHECK(forksafe_detection_mode() == FORKSAFE_MODE_ATFORK_GETPID, "mode %d", forksafe_detection_mode());
#else
  T_CHECK(forksafe_detection_mode() == FORKSAFE_MODE_WIPEONFORK, "mode %d (kernel without WIPEONFORK?)",
          forksafe_detection_mode());
#endif
  g_conn_line = __LINE__ + 1;
  FORKSAFE_OWNER_INIT(&g_conn, "DB", "conn");
  snprintf(g_site, sizeof g_site, "test_fork_paths.c:%d", g_conn_line);
  FORKSAFE_CHECK(&g_conn, "db_query");

  test_paths();
  test_nested();
  test_vfork();
  test_posix_spawn();
  test_daemon();
  test_handler();
  test_registry();
  test_pid_reuse();
  return t_finish("test_fork_paths");
}
