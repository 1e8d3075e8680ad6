// Against the real <soci/soci.h> (libsoci-dev): a session opened before the
// fork; the child runs 'sql << ...' and a soci::transaction on it, and a
// second session constructed with its connect string is used through
// reconnect(), which is not a safe reset (it closes first).
// REQUIRES: soci-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <soci/soci.h>
#include <unistd.h>

soci::session sql;
// CHECK: soci.cpp:[[#@LINE-1]]:15: warning: 'sql' (SOCI) is connected when the process forks
// CHECK: note: 'sql' connected here by soci::session::open()
// CHECK: note: 'sql' used here in the child process by soci::session::operator<<()
#ifndef FIXED
soci::session audit("postgresql", "dbname=audit");
// CHECK: soci.cpp:[[#@LINE-1]]:15: warning: 'audit' (SOCI) is connected when the process forks
// CHECK: note: 'audit' created here by soci::session::session()
// CHECK: note: 'audit' used here in the child process by soci::transaction::transaction()
soci::session metrics("postgresql", "dbname=metrics");
// CHECK: soci.cpp:[[#@LINE-1]]:15: warning: 'metrics' (SOCI) is connected when the process forks
// CHECK: note: 'metrics' used here in the child process by soci::session::reconnect()
#endif

int main() {
#ifndef FIXED
  sql.open("postgresql", "dbname=app");
#endif
  if (fork() == 0) {
#ifdef FIXED
    sql.open("postgresql", "dbname=app");
    soci::session audit("postgresql", "dbname=audit");
    soci::session metrics("postgresql", "dbname=metrics");
#endif
    int n = 0;
    sql << "SELECT count(*) FROM jobs", soci::into(n);
    soci::transaction tr(audit);
    tr.commit();
    metrics.reconnect();
    _exit(0);
  }
  return 0;
}
