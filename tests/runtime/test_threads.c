/* Many threads check handles while another thread forks. Threads share the
 * generation (no false positives in the parent); every child gets a new one
 * and sees the parent's handles as foreign. Built plain, TSan and ASan. */
#include "test_support.h"

#include <forksafe/runtime.h>

#include <pthread.h>
#include <stdint.h>

#define NTHREADS 4
#define NFORKS 40

static forksafe_owner g_conn;
static int g_reg_handle;
static int g_stop;
static uint64_t g_parent_gen;
static long g_checks[NTHREADS];

static void *checker(void *arg) {
  long i = (long)(intptr_t)arg, n = 0;
  forksafe_owner mine; /* a handle created in this thread */
  FORKSAFE_OWNER_INIT(&mine, "DB", "thread_conn");
  while (!__atomic_load_n(&g_stop, __ATOMIC_RELAXED)) {
    FORKSAFE_CHECK(&g_conn, "db_query"); /* aborts the test on a false positive */
    FORKSAFE_CHECK(&mine, "db_query");
    FORKSAFE_CHECK_HANDLE(&g_reg_handle, "db_query");
    if (forksafe_generation() != g_parent_gen) abort();
    ++n;
  }
  g_checks[i] = n;
  return NULL;
}

/* First use from many threads at once: one page wins, one generation. */
static uint64_t g_first[NTHREADS];
static void *first_use(void *arg) {
  long i = (long)(intptr_t)arg;
  g_first[i] = forksafe_generation();
  return NULL;
}

static int child_foreign(void *arg) {
  (void)arg;
  if (forksafe_generation() == g_parent_gen) return 10;
  if (FORKSAFE_OWNER_IS_CURRENT(&g_conn)) return 11;
  if (!FORKSAFE_IS_FOREIGN(&g_reg_handle)) return 12;
  FORKSAFE_CHECK_HANDLE(&g_reg_handle, "db_query");
  return 3;
}

int main(void) {
  pthread_t th[NTHREADS];
  long i;
  int k;
  for (i = 0; i < NTHREADS; ++i) pthread_create(&th[i], NULL, first_use, (void *)(intptr_t)i);
  for (i = 0; i < NTHREADS; ++i) pthread_join(th[i], NULL);
  for (i = 0; i < NTHREADS; ++i)
    T_CHECK(g_first[i] != 0 && g_first[i] == forksafe_generation(), "thread %ld: generation %llu vs %llu", i,
            (unsigned long long)g_first[i], (unsigned long long)forksafe_generation());
  FORKSAFE_OWNER_INIT(&g_conn, "DB", "conn");
  FORKSAFE_REGISTER(&g_reg_handle, "DB", "reg");
  g_parent_gen = forksafe_generation();
  for (i = 0; i < NTHREADS; ++i) pthread_create(&th[i], NULL, checker, (void *)(intptr_t)i);
  for (k = 0; k < NFORKS; ++k) {
    t_result r;
    enum t_how how = (k % 2) ? T_SYS_FORK : T_FORK;
    t_run_child(how, child_foreign, NULL, &r);
    T_CHECK(t_aborted(&r) && strncmp(t_skip_noise(r.err), "forksafe: db_query() called on DB handle 'reg'", 46) == 0,
            "fork %d (%s): %s: %s", k, t_how_name[how], t_status_str(&r), r.err);
    T_CHECK(forksafe_generation() == g_parent_gen, "parent generation changed");
  }
  __atomic_store_n(&g_stop, 1, __ATOMIC_RELAXED);
  for (i = 0; i < NTHREADS; ++i) {
    pthread_join(th[i], NULL);
    T_CHECK(g_checks[i] > 0, "thread %ld never ran", i);
  }
  return t_finish("test_threads");
}
