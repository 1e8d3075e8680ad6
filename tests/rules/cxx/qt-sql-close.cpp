// Qt SQL: the child "cleans up" with QSqlDatabase::close(); the QPSQL driver
// runs PQfinish, whose Terminate message ends the parent's session. The fix
// leaves the child with _exit() and the connection alone.
// RUN: %expect_exit 1 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/qt | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe --checks='-*,forksafe-inherited-handle-close' %s -- -std=c++17 -I%mocks/cxx/qt -DFIXED | count 0
#include <QtSql/QSqlDatabase>
#include <unistd.h>

QSqlDatabase reports;
// CHECK: qt-sql-close.cpp:[[#DEF:@LINE-1]]:14: warning: 'reports' (Qt SQL) is inherited by a child process and closed there: the driver closes its connection: QPSQL runs PQfinish (Terminate), QMYSQL mysql_close (COM_QUIT) on the shared socket, ending the parent's session [forksafe-inherited-handle-close]

int main() {
  reports = QSqlDatabase::addDatabase("QPSQL", "reports");
  reports.open();
  // CHECK: qt-sql-close.cpp:[[#@LINE-1]]:3: note: 'reports' connected here by QSqlDatabase::open()
  if (fork() == 0) {
    // CHECK: qt-sql-close.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'reports'
#ifndef FIXED
    reports.close();
    // CHECK: qt-sql-close.cpp:[[#@LINE-1]]:5: note: 'reports' closed here in the child process by QSqlDatabase::close()
#endif
    _exit(0);
  }
  reports.transaction();
  return 0;
}
// CHECK: qt-sql-close.cpp:[[#DEF]]:14: note: leave the child with _exit() so no destructor runs; leak the inherited handle in the child (or dup2() /dev/null over its descriptor before closing it); never call shutdown(2) on it
