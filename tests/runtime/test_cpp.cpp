// C++ wrappers across fork: guarded<T> checks every access, throw_on_violation
// turns the abort into an exception, and per_process<T> gives each process
// its own handle while never closing an inherited one (also not from a
// static destructor when a child calls exit()).
#include "test_support.h"

#include <forksafe/guarded.hpp>

#include <sys/mman.h>
#include <thread>
#include <vector>

namespace {

// A fake connection that remembers who created it.
struct fake_conn {
  pid_t creator;
  int id;
};

// Shared (MAP_SHARED) log of close calls, visible to the parent.
struct close_log {
  int n;
  struct { pid_t closer, creator; } e[64];
};
close_log *g_log;
int g_next_id = 0;

fake_conn *make_conn() { return new fake_conn{getpid(), ++g_next_id}; }
void close_conn(fake_conn *&c) {
  int i = __atomic_fetch_add(&g_log->n, 1, __ATOMIC_RELAXED);
  if (i < 64) { g_log->e[i].closer = getpid(); g_log->e[i].creator = c->creator; }
  delete c;
}

int g_guard_line;
forksafe::guarded<int *> *g_guarded;
// A global: its destructor also runs when a child calls exit().
forksafe::per_process<fake_conn *> g_db(make_conn, close_conn);
fake_conn *g_parent_conn;

int child_guarded_get(void *) {
  int *p = g_guarded->get(); // must abort
  return p ? 3 : 4;
}

int child_guarded_throw(void *) {
  forksafe::throw_on_violation();
  try {
    (void)g_guarded->get();
  } catch (const forksafe::fork_violation &e) {
    return strncmp(e.what(), "forksafe: ", 10) == 0 ? 0 : 5;
  }
  return 6;
}

// Child: gets its own connection (from several threads at once), never the
// parent's, then exit() runs g_db's destructor.
int child_per_process(void *) {
  if (g_db.has_value_here()) return 10;
  std::vector<std::thread> th;
  fake_conn *seen[4] = {};
  for (int i = 0; i < 4; ++i) th.emplace_back([&seen, i] { seen[i] = g_db.get(); });
  for (auto &t : th) t.join();
  for (auto *c : seen)
    if (c != seen[0]) return 11; // one handle per process, not per thread
  if (seen[0] == g_parent_conn || seen[0]->creator != getpid()) return 12;
  std::exit(0); // static destructors: must close only the child's handle
}

// A child that never uses g_db: exit() must not close the inherited handle.
int child_idle(void *) { std::exit(0); }

}  // namespace

int main() {
  g_log = static_cast<close_log *>(
      mmap(nullptr, sizeof(close_log), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  pid_t me = getpid();

  int value = 42;
  g_guard_line = __LINE__ + 1;
  forksafe::guarded<int *> guarded(&value, "value", "int*");
  g_guarded = &guarded;
  T_CHECK(*guarded.get() == 42 && guarded.owned_here(), "guarded in owner");

  char site[64];
  snprintf(site, sizeof site, "test_cpp.cpp:%d", g_guard_line);
  t_result r;
  t_run_child(T_FORK, child_guarded_get, nullptr, &r);
  T_CHECK(t_aborted(&r), "guarded child: %s: %s", t_status_str(&r), r.err);
  T_CHECK(t_is_report(r.err, "forksafe::guarded::get", site, me, r.pid), "guarded message: %s", r.err);
  T_CHECK(strstr(r.err, "int* handle 'value'") != nullptr, "names the handle: %s", r.err);

  t_run_child(T_SYS_FORK, child_guarded_throw, nullptr, &r);
  T_CHECK(t_exited_ok(&r), "throw_on_violation child: %s: %s", t_status_str(&r), r.err);

  g_parent_conn = g_db.get();
  T_CHECK(g_parent_conn->creator == me && g_db.get() == g_parent_conn, "per_process in parent");
  for (int how = 0; how < T_HOW_COUNT; ++how) {
    if (how == T_CLONE) continue; // the trampoline's stack is too small for threads
    t_run_child(static_cast<t_how>(how), child_per_process, nullptr, &r);
    T_CHECK(t_exited_ok(&r), "per_process child (%s): %s: %s", t_how_name[how], t_status_str(&r), r.err);
  }
  t_run_child(T_FORK, child_idle, nullptr, &r);
  T_CHECK(t_exited_ok(&r), "idle child: %s: %s", t_status_str(&r), r.err);
  int closes_in_children = 0;
  for (int i = 0; i < g_log->n && i < 64; ++i) {
    T_CHECK(g_log->e[i].creator != me, "a child closed the parent's connection (closer %d)",
            (int)g_log->e[i].closer);
    T_CHECK(g_log->e[i].closer == g_log->e[i].creator, "closed by a process that did not create it");
    ++closes_in_children;
  }
  T_CHECK(closes_in_children == T_HOW_COUNT - 1, "expected %d child closes, got %d", T_HOW_COUNT - 1,
          closes_in_children);
  T_CHECK(g_db.get() == g_parent_conn, "parent's connection replaced");
  g_db.reset();
  T_CHECK(g_log->n == closes_in_children + 1 && g_log->e[closes_in_children].creator == me,
          "reset() closes the parent's own connection");
  return t_finish("test_cpp");
}
