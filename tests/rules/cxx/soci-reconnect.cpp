// SOCI: session::reconnect() is not a post-fork reset. It calls close()
// first, which deletes the backend and sends Terminate (PostgreSQL) or
// COM_QUIT (MySQL) on the socket the parent still uses; it is modelled as a
// use. The fix opens a new session in the child and leaves the inherited
// one untouched.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/soci | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/soci -DFIXED | count 0
#include <soci/soci.h>
#include <unistd.h>

soci::session sql("postgresql", "dbname=app");
// CHECK: soci-reconnect.cpp:[[#DEF:@LINE-1]]:15: warning: 'sql' (SOCI) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]
// CHECK: soci-reconnect.cpp:[[#DEF]]:15: note: 'sql' created here by soci::session::session()

int main() {
  if (fork() == 0) {
    // CHECK: soci-reconnect.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'sql'
#ifdef FIXED
    soci::session own("postgresql", "dbname=app");
    own << "UPDATE jobs SET state = 'running'";
#else
    sql.reconnect();
    // CHECK: soci-reconnect.cpp:[[#@LINE-1]]:5: note: 'sql' used here in the child process by soci::session::reconnect()
    sql << "UPDATE jobs SET state = 'running'";
#endif
    _exit(0);
  }
  return 0;
}
// CHECK: soci-reconnect.cpp:[[#DEF]]:15: note: open the soci::session in each process after fork(); never close(), reconnect() or destroy an inherited session in the child
// CHECK: soci-reconnect.cpp:[[#DEF]]:15: note: fix-it: make 'sql' a forksafe::per_process<soci::session>, which each process creates on first use (a child never uses or closes its parent's)
