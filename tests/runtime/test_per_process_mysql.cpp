// per_process<MYSQL*> against a real MariaDB (FORKSAFE_MYSQL_SOCKET): each
// worker gets its own session (another server thread id), the parent's
// session survives the workers (no COM_QUIT from a child, not even from the
// static destructor at exit()), and the shim is included so a worker that
// got the inherited handle would abort. Exit 77 (skip) without a server.
#include "test_support.h"

#include <mysql.h>
#include <forksafe/guarded.hpp>
#include <forksafe/shim/mysql.h>

namespace {

const char *g_sock;

MYSQL *connect_db() {
  MYSQL *m = mysql_init(nullptr);
  if (!mysql_real_connect(m, nullptr, "root", nullptr, "test", 0, g_sock, 0)) {
    fprintf(stderr, "connect: %s\n", mysql_error(m));
    std::abort();
  }
  return m;
}

// Global: its destructor runs in every worker that calls exit().
forksafe::per_process<MYSQL *> g_db(connect_db, [](MYSQL *&m) { mysql_close(m); });
unsigned long g_parent_thread;

int worker(void *) {
  MYSQL *m = g_db.get();
  if (mysql_thread_id(m) == g_parent_thread) return 10;
  if (mysql_query(m, "SELECT CONNECTION_ID()") != 0) return 11;
  MYSQL_RES *res = mysql_store_result(m);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  bool mine = row && strtoul(row[0], nullptr, 10) == mysql_thread_id(m);
  if (res) mysql_free_result(res);
  if (!mine) return 12;
  std::exit(0);  // static destructor closes this worker's session only
}

// A worker that never touches the database: exit() must not close the
// inherited session (the static-destructor trap).
int idle_worker(void *) { std::exit(0); }

unsigned long threads_connected(MYSQL *m) {
  unsigned long n = 0;
  if (mysql_query(m, "SHOW STATUS LIKE 'Threads_connected'") != 0) return 0;
  MYSQL_RES *res = mysql_store_result(m);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : nullptr;
  if (row) n = strtoul(row[1], nullptr, 10);
  if (res) mysql_free_result(res);
  return n;
}

}  // namespace

int main() {
  g_sock = getenv("FORKSAFE_MYSQL_SOCKET");
  if (!g_sock) {
    printf("skip: FORKSAFE_MYSQL_SOCKET not set\n");
    return 77;
  }
  MYSQL *m = g_db.get();
  g_parent_thread = mysql_thread_id(m);
  unsigned long before = threads_connected(m);
  for (int how = 0; how < T_HOW_COUNT; ++how) {
    t_result r;
    t_run_child(static_cast<t_how>(how), worker, nullptr, &r);
    T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "worker (%s): %s: %s", t_how_name[how],
            t_status_str(&r), r.err);
  }
  t_result r;
  t_run_child(T_FORK, idle_worker, nullptr, &r);
  T_CHECK(t_exited_ok(&r) && !strstr(r.err, "forksafe:"), "idle worker: %s: %s", t_status_str(&r), r.err);
  T_CHECK(g_db.get() == m && mysql_ping(m) == 0, "parent's session after the workers: %s", mysql_error(m));
  T_CHECK(mysql_thread_id(m) == g_parent_thread, "parent reconnected behind our back");
  // workers closed their own sessions; give the server a moment to notice
  unsigned long after = 0;
  for (int i = 0; i < 50 && (after = threads_connected(m)) != before; ++i) usleep(20000);
  T_CHECK(after == before, "server threads: %lu before, %lu after the workers", before, after);
  return t_finish("test_per_process_mysql");
}
