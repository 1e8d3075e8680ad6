// Against the real <pqxx/pqxx> (libpqxx-dev; Debian 12 ships libpqxx 6.4,
// where pqxx::connection is an alias of basic_connection_base<connect_direct>
// and its members live in pqxx::connection_base). Connections made before
// main; the child uses one through a member function and one through a
// pqxx::work (one connection per construct).
// REQUIRES: libpqxx-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <pqxx/pqxx>
#include <unistd.h>

#ifndef FIXED
pqxx::connection app{"dbname=app"};
// CHECK: libpqxx.cpp:[[#@LINE-1]]:18: warning: 'app' (libpqxx) is connected when the process forks
// CHECK: note: 'app' created here by pqxx::basic_connection_base::basic_connection_base()
// CHECK: note: 'app' used here in the child process by pqxx::connection_base::prepare()
pqxx::connection audit{"dbname=audit"};
// CHECK: libpqxx.cpp:[[#@LINE-1]]:18: warning: 'audit' (libpqxx) is connected when the process forks
// CHECK: note: 'audit' used here in the child process by pqxx::transaction::transaction()
#endif

int main() {
  if (fork() == 0) {
#ifdef FIXED
    pqxx::connection app{"dbname=app"};
    pqxx::connection audit{"dbname=audit"};
#endif
    app.prepare("bump", "UPDATE counters SET n = n + 1");
    pqxx::work txn{audit};
    txn.exec("INSERT INTO audit VALUES ('child')");
    txn.commit();
    _exit(0);
  }
  return 0;
}
