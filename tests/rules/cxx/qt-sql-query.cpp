// Qt SQL: a QSqlQuery is bound to its connection when it is constructed; one
// prepared in the parent and executed by the child runs on the parent's
// connection. The fix builds the query in the child, on a connection opened
// there.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/qt | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/qt -DFIXED | count 0
#include <QtSql/QSqlQuery>
#include <unistd.h>

QSqlDatabase db;
QSqlQuery *insert;
// CHECK: qt-sql-query.cpp:[[#DEF:@LINE-1]]:12: warning: 'insert' (Qt SQL) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void prepare_insert() {
  insert = new QSqlQuery(db);
  // CHECK: qt-sql-query.cpp:[[#@LINE-1]]:16: note: 'insert' created here by QSqlQuery::QSqlQuery()
  insert->prepare("INSERT INTO log (line) VALUES (:line)");
}

int main() {
  db = QSqlDatabase::addDatabase("QMYSQL");
  db.open();
#ifndef FIXED
  prepare_insert();
#endif
  if (fork() == 0) {
    // CHECK: qt-sql-query.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'insert'
#ifdef FIXED
    db = QSqlDatabase::cloneDatabase(db, "child");
    db.open();
    prepare_insert();
#endif
    insert->bindValue(":line", QString("child started"));
    insert->exec();
    // CHECK: qt-sql-query.cpp:[[#@LINE-1]]:5: note: 'insert' used here in the child process by QSqlQuery::exec()
    _exit(0);
  }
  return 0;
}
// CHECK: qt-sql-query.cpp:[[#DEF]]:12: note: open the connection in each process after fork(): in the child, QSqlDatabase::cloneDatabase() the parent's connection under a new name and open() the clone (QSqlDatabase::database() and a QSqlQuery without a database hand back the parent's registered connection); never close() the inherited connection in the child, and leave the child with _exit() (at exit() Qt closes every registered connection)
