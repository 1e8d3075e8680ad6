// A static server object whose destructor shuts down a backend it reaches
// through a pointer member ('Server server{&g_backend}'); the backend's
// shutdown() deletes its pqxx::connection. exit() in a child runs
// ~Server(), which destroys the inherited connection: PQfinish sends
// Terminate on the parent's session. Without BUG the child leaves with
// _exit().
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/libpqxx | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks/libpqxx -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <pqxx/pqxx>
#include <stdlib.h>
#include <unistd.h>

struct Backend {
  pqxx::connection *conn = nullptr;
  void shutdown() {
    delete conn;
    conn = nullptr;
  }
};

static Backend g_backend;
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF:@LINE-1]]:16: warning: 'g_backend.conn' (libpqxx) is inherited by a child process and closed there: the destructor calls PQfinish, which sends Terminate on the shared socket [forksafe-inherited-handle-close]

class Server {
public:
  explicit Server(Backend *b) : backend_(b) {}
  ~Server() { backend_->shutdown(); }

private:
  Backend *backend_;
};

static Server server{&g_backend};

int main() {
  g_backend.conn = new pqxx::connection("dbname=app");
  if (fork() == 0) {
#ifdef BUG
    exit(0);
#else
    _exit(0);
#endif
  }
  return 0;
}
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF+15]]:24: note: 'g_backend.conn' created here by pqxx::connection::connection()
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF+16]]:7: note: fork() forks here; the child inherits 'g_backend.conn'
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF+18]]:5: note: exit() runs the destructors of static objects here
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF+12]]:15: note: 'Server::~Server' called from here in the child process
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF+6]]:15: note: 'Backend::shutdown' called from here in the child process
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF-5]]:5: note: 'g_backend.conn' closed here in the child process by pqxx::connection::~connection()
// CHECK: static-dtor-pointer-member-delete.cpp:[[#DEF]]:16: note: leave the child with _exit()
