// A program's own worker model, declared in code: Server::prepare runs in
// the master before the workers fork, Server::on_worker_start in each
// worker, Server::serve per request.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks -DFIXED | count 0
#include <libpq-fe.h>

PGconn *g_conn;
// CHECK: annotations.cpp:[[#DEF:@LINE-1]]:9: warning: 'g_conn' (PostgreSQL libpq) is connected when the program's worker model forks its worker processes and is used in the child process

struct Server {
  [[clang::annotate("forksafe::prefork")]] void prepare() {
#ifndef FIXED
    g_conn = PQconnectdb("dbname=app");
    // CHECK: annotations.cpp:[[#@LINE-1]]:14: note: 'g_conn' created here by PQconnectdb()
    // CHECK: annotations.cpp:[[#@LINE-4]]:49: note: 'Server::prepare' runs in the master process before the workers are forked (forksafe::prefork)
#endif
  }
  [[clang::annotate("forksafe::postfork")]] void on_worker_start() {
#ifdef FIXED
    g_conn = PQconnectdb("dbname=app");
#endif
  }
  [[clang::annotate("forksafe::request")]] void serve() {
    // CHECK: annotations.cpp:[[#@LINE-1]]:49: note: 'Server::serve' runs in a worker process for each request (forksafe::request)
    PQexec(g_conn, "SELECT 1");
    // CHECK: annotations.cpp:[[#@LINE-1]]:5: note: 'g_conn' used here in the child process by PQexec()
  }
};
// CHECK: annotations.cpp:[[#DEF]]:9: note: create the handle in a forksafe::postfork hook
// CHECK: annotations.cpp:[[#DEF+6]]:5: note: fix-it: move this connect into 'Server::on_worker_start', which the program's worker model runs in each worker process after it forks
