// Qt SQL: the connection is opened before fork and the child runs a
// transaction on it, on the socket the parent keeps using. The fix clones
// the connection under a name of its own in the child and opens the clone
// (QSqlDatabase::database() there would hand back the parent's connection).
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/qt | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/qt -DFIXED | count 0
#include <QtSql/QSqlDatabase>
#include <unistd.h>

QSqlDatabase db;
// CHECK: qt-sql.cpp:[[#DEF:@LINE-1]]:14: warning: 'db' (Qt SQL) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void work(int id);

int main() {
  db = QSqlDatabase::addDatabase("QPSQL");
  db.setHostName("db.example.org");
  db.setDatabaseName("jobs");
  db.open();
  // CHECK: qt-sql.cpp:[[#@LINE-1]]:3: note: 'db' connected here by QSqlDatabase::open()
  for (int id = 0; id < 4; ++id)
    if (fork() == 0) {
      // CHECK: qt-sql.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'db'
#ifdef FIXED
      db = QSqlDatabase::cloneDatabase(db, "worker");
      db.open();
#endif
      work(id);
      // CHECK: qt-sql.cpp:[[#@LINE-1]]:7: note: 'work' called from here in the child process
      _exit(0);
    }
  return 0;
}

static void work(int id) {
  db.transaction();
  // CHECK: qt-sql.cpp:[[#@LINE-1]]:3: note: 'db' used here in the child process by QSqlDatabase::transaction()
  db.exec("UPDATE jobs SET state = 'running'");
  db.commit();
  (void)id;
}
// CHECK: qt-sql.cpp:[[#DEF]]:14: note: open the connection in each process after fork(): in the child, QSqlDatabase::cloneDatabase() the parent's connection under a new name and open() the clone (QSqlDatabase::database() and a QSqlQuery without a database hand back the parent's registered connection); never close() the inherited connection in the child, and leave the child with _exit() (at exit() Qt closes every registered connection)
