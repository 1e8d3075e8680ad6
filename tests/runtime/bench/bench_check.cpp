// Per-use cost of the forksafe check vs a getpid() comparison vs no check,
// in a tight loop and before a cheap library call (sqlite3_get_autocommit).
// Built by CMake, not run by ctest: see run.sh.
#include <benchmark/benchmark.h>

#include <forksafe/runtime.h>

#include <cstdlib>
#include <unistd.h>
#if __has_include(<sqlite3.h>)
#include <sqlite3.h>
#define HAVE_SQLITE 1
#endif

namespace {

forksafe_owner g_owner;
int g_handle;
pid_t g_pid;

void init() {
  static bool done = false;
  if (done) return;
  done = true;
  FORKSAFE_OWNER_INIT(&g_owner, "DB", "conn");
  FORKSAFE_REGISTER(&g_handle, "DB", "conn");
  g_pid = getpid();
}

// --- tight loop: just the check ---------------------------------------
void BM_loop_nocheck(benchmark::State &s) {
  init();
  for (auto _ : s) benchmark::DoNotOptimize(&g_owner);
}
void BM_loop_forksafe_owner(benchmark::State &s) {  // record kept with the handle
  init();
  for (auto _ : s) {
    forksafe_owner *o = &g_owner;
    benchmark::DoNotOptimize(o);
    FORKSAFE_CHECK(o, "query");
  }
}
void BM_loop_forksafe_registry(benchmark::State &s) {  // the shims' path (lookup by address)
  init();
  for (auto _ : s) {
    void *h = &g_handle;
    benchmark::DoNotOptimize(h);
    FORKSAFE_CHECK_HANDLE(h, "query");
  }
}
void BM_loop_getpid(benchmark::State &s) {
  init();
  for (auto _ : s) {
    if (getpid() != g_pid) std::abort();
    benchmark::DoNotOptimize(&g_pid);
  }
}
BENCHMARK(BM_loop_nocheck);
BENCHMARK(BM_loop_forksafe_owner);
BENCHMARK(BM_loop_forksafe_registry);
BENCHMARK(BM_loop_getpid);

// --- realistic: a check before a cheap library call ----------------------
#ifdef HAVE_SQLITE
sqlite3 *g_db;
sqlite3 *db() {
  if (!g_db) {
    sqlite3_open(":memory:", &g_db);
    FORKSAFE_REGISTER(g_db, "sqlite3", "g_db");
  }
  return g_db;
}
void BM_call_nocheck(benchmark::State &s) {
  sqlite3 *d = db();
  for (auto _ : s) benchmark::DoNotOptimize(sqlite3_get_autocommit(d));
}
void BM_call_forksafe_registry(benchmark::State &s) {
  sqlite3 *d = db();
  for (auto _ : s) {
    FORKSAFE_CHECK_HANDLE(d, "sqlite3_get_autocommit");
    benchmark::DoNotOptimize(sqlite3_get_autocommit(d));
  }
}
void BM_call_getpid(benchmark::State &s) {
  sqlite3 *d = db();
  init();
  for (auto _ : s) {
    if (getpid() != g_pid) std::abort();
    benchmark::DoNotOptimize(sqlite3_get_autocommit(d));
  }
}
BENCHMARK(BM_call_nocheck);
BENCHMARK(BM_call_forksafe_registry);
BENCHMARK(BM_call_getpid);
#endif

}  // namespace

BENCHMARK_MAIN();
