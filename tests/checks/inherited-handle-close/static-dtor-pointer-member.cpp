// A static C++ object whose destructor closes a handle it reaches through a
// pointer member: 'App app{&g_state}' and '~App() { mysql_close(state->conn); }'.
// exit() in a child runs the destructors of static objects, so it closes
// the inherited connection through 'app.state'. Without BUG the child
// leaves with _exit(), which runs no destructor; with BUG it calls exit().
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | count 0
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks | count 0
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DBUG | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

struct DbState {
  MYSQL *conn;
  int queries;
};

static DbState g_state;
// CHECK: static-dtor-pointer-member.cpp:[[#DEF:@LINE-1]]:16: warning: 'g_state.conn' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]

struct App {
  DbState *state;
  ~App() {
    if (state && state->conn)
      mysql_close(state->conn);
  }
};

static App app{&g_state};

static void child_work(int id) { (void)id; }

int main() {
  g_state.conn = mysql_init(nullptr);
  mysql_real_connect(g_state.conn, "db", "app", "pw", "app", 0, nullptr, 0);
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      child_work(i);
#ifdef BUG
      exit(0);
#else
      _exit(0);
#endif
    }
  mysql_query(g_state.conn, "UPDATE stats SET workers = 4");
  return 0;
}
// CHECK: static-dtor-pointer-member.cpp:[[#DEF+17]]:3: note: 'g_state.conn' connected here by mysql_real_connect()
// CHECK: static-dtor-pointer-member.cpp:[[#DEF+19]]:9: note: fork() forks here; the child inherits 'g_state.conn'
// CHECK: static-dtor-pointer-member.cpp:[[#DEF+22]]:7: note: exit() runs the destructors of static objects here
// CHECK: static-dtor-pointer-member.cpp:[[#DEF+11]]:12: note: 'App::~App' called from here in the child process
// CHECK: static-dtor-pointer-member.cpp:[[#DEF+7]]:7: note: 'g_state.conn' closed here in the child process by mysql_close()
// CHECK: static-dtor-pointer-member.cpp:[[#DEF]]:16: note: leave the child with _exit()
