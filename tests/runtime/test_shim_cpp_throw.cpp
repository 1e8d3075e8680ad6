// C++ with a shim: throw_on_violation() turns a foreign-handle call into a
// forksafe::fork_violation thrown before the library runs, so the inherited
// connection is never touched.
#include "test_support.h"

#include <sqlite3.h>
#include <forksafe/guarded.hpp>
#include <forksafe/shim/sqlite3.h>

#include <string>

namespace {
sqlite3 *db;

int child_throws(void *) {
  forksafe::throw_on_violation();
  try {
    sqlite3_exec(db, "INSERT INTO t VALUES (99)", nullptr, nullptr, nullptr);
  } catch (const forksafe::fork_violation &e) {
    std::string what = e.what();
    return what.rfind("forksafe: sqlite3_exec() called on sqlite3 handle 'db'", 0) == 0 ? 0 : 5;
  }
  return 6;
}

int count_rows() {
  sqlite3_stmt *st = nullptr;
  int n = -1;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return n;
}
}  // namespace

int main() {
  char path[64];
  snprintf(path, sizeof path, "/tmp/forksafe-throw-%d.db", (int)getpid());
  T_CHECK(sqlite3_open(path, &db) == SQLITE_OK, "open");
  T_CHECK(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK, "create");
  t_result r;
  t_run_child(T_FORK, child_throws, nullptr, &r);
  T_CHECK(t_exited_ok(&r), "child: %s: %s", t_status_str(&r), r.err);
  T_CHECK(count_rows() == 0, "the child's INSERT reached the database");
  sqlite3_close(db);
  unlink(path);
  return t_finish("test_shim_cpp_throw");
}
