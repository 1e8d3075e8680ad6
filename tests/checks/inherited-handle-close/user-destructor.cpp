// A global whose user-defined destructor closes the handle it owns: exit()
// in the child runs it.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -I%mocks -DFIXED | count 0
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

struct Database {
  MYSQL *conn = nullptr;
  ~Database() {
    if (conn)
      mysql_close(conn);
  }
};

Database g_database;
// CHECK: user-destructor.cpp:[[#DEF:@LINE-1]]:10: warning: 'g_database.conn' (MySQL/MariaDB C API) is inherited by a child process and closed there: sends COM_QUIT on the shared socket: the server ends the parent's session [forksafe-inherited-handle-close]

int main() {
  g_database.conn = mysql_init(nullptr);
  mysql_real_connect(g_database.conn, "h", "u", "p", "d", 0, nullptr, 0);
  // CHECK: user-destructor.cpp:[[#@LINE-1]]:3: note: 'g_database.conn' connected here by mysql_real_connect()
  if (fork() == 0) {
    // CHECK: user-destructor.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'g_database.conn'
#ifdef FIXED
    _exit(0);
#else
    exit(0);
    // CHECK: user-destructor.cpp:[[#@LINE-1]]:5: note: exit() runs the destructors of static objects here
    // CHECK: user-destructor.cpp:[[#DEF]]:10: note: 'Database::~Database' called from here in the child process
    // CHECK: user-destructor.cpp:[[#DEF-4]]:7: note: 'g_database.conn' closed here in the child process by mysql_close()
#endif
  }
  return 0;
}
// CHECK: user-destructor.cpp:[[#DEF]]:10: note: leave the child with _exit()
