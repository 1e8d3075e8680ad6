// Against the real Qt 5 SQL headers (qtbase5-dev): a connection and a
// prepared query made before fork. The child runs a transaction on 'db',
// executes 'insert' (bound to the parent's connection when it was built) and
// closes 'archive' (PQfinish on the parent's socket). The fix clones both
// connections in the child and prepares the query there.
// REQUIRES: qt5-sql-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql -DFIXED | count 0
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtCore/QVariant>
#include <unistd.h>

QSqlDatabase db;
// CHECK: qt-sql.cpp:[[#@LINE-1]]:14: warning: 'db' (Qt SQL) is connected when the process forks
QSqlQuery *insert;
// CHECK: note: 'db' connected here by QSqlDatabase::open()
// CHECK: note: 'db' used here in the child process by QSqlDatabase::transaction()
// CHECK: qt-sql.cpp:[[#@LINE-3]]:12: warning: 'insert' (Qt SQL) is connected when the process forks
QSqlDatabase archive;
// CHECK: note: 'insert' created here by QSqlQuery::QSqlQuery()
// CHECK: note: 'insert' used here in the child process by QSqlQuery::exec()
// CHECK: qt-sql.cpp:[[#@LINE-3]]:14: warning: 'archive' (Qt SQL) is inherited by a child process and closed there: the driver closes its connection
// CHECK: note: 'archive' connected here by QSqlDatabase::open()
// CHECK: note: 'archive' closed here in the child process by QSqlDatabase::close()

static void open_all(const QString &suffix) {
#ifdef FIXED
  db = QSqlDatabase::cloneDatabase(QString("main"), "main" + suffix);
  archive = QSqlDatabase::cloneDatabase(QString("archive"), "archive" + suffix);
#else
  (void)suffix;
  db = QSqlDatabase::addDatabase("QPSQL", "main");
  db.setHostName("db.example.org");
  archive = QSqlDatabase::addDatabase("QPSQL", "archive");
#endif
  db.open();
  archive.open();
  insert = new QSqlQuery(db);
  insert->prepare("INSERT INTO events (what) VALUES (?)");
}

int main() {
#ifndef FIXED
  open_all("");
#endif
  if (fork() == 0) {
#ifdef FIXED
    open_all("-child");
#endif
    db.transaction();
    insert->addBindValue(QString("child"));
    insert->exec();
    db.commit();
    archive.close();
    _exit(0);
  }
  return 0;
}
