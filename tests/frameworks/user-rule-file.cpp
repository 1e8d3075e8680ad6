// A project declares its own hooks in a rule file (--rules): load_config runs
// in the master before the workers fork, on_worker_start in each worker.
// RUN: %expect_exit 1 %forksafe --rules=%S/Inputs/myserver.json %s -- -std=c++17 -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --rules=%S/Inputs/myserver.json %s -- -std=c++17 -I%mocks -DFIXED | count 0
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks | count 0
#include <libpq-fe.h>

static PGconn *conn;
// CHECK: user-rule-file.cpp:[[#DEF:@LINE-1]]:16: warning: 'conn' (PostgreSQL libpq) is connected when myserver forks its worker processes and is used in the child process

struct Server {
  void load_config();
  void on_worker_start();
};

void Server::load_config() {
#ifndef FIXED
  conn = PQconnectdb("dbname=app");
  // CHECK: user-rule-file.cpp:[[#@LINE-1]]:10: note: 'conn' created here by PQconnectdb()
  // CHECK: user-rule-file.cpp:[[#@LINE-4]]:14: note: 'Server::load_config' runs in the master before the workers fork
#endif
}

void Server::on_worker_start() {
  // CHECK: user-rule-file.cpp:[[#@LINE-1]]:14: note: 'Server::on_worker_start' runs in each worker after the fork
#ifdef FIXED
  conn = PQconnectdb("dbname=app");
#endif
  PQexec(conn, "LISTEN jobs");
  // CHECK: user-rule-file.cpp:[[#@LINE-1]]:3: note: 'conn' used here in the child process by PQexec()
}
// CHECK: user-rule-file.cpp:[[#DEF]]:16: note: connect in Server::on_worker_start instead
// CHECK: user-rule-file.cpp:[[#DEF+10]]:3: note: fix-it: move this connect into 'Server::on_worker_start', which myserver runs in each worker process after it forks
