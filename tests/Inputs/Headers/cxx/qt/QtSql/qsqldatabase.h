// Mock of Qt 5's <QtSql/qsqldatabase.h> and <QtSql/qsqlquery.h> (names and
// signatures of the members the tests use; QString reduced to a stub).
#ifndef FORKSAFE_MOCK_QSQLDATABASE_H
#define FORKSAFE_MOCK_QSQLDATABASE_H
class QString {
public:
  QString();
  QString(const char *s);
  QString(const QString &other);
  ~QString();
};
class QVariant {
public:
  QVariant(int i);
  QVariant(const QString &s);
  ~QVariant();
};
class QSqlDatabasePrivate;
class QSqlQuery;
class QSqlDatabase {
public:
  QSqlDatabase();
  QSqlDatabase(const QSqlDatabase &other);
  ~QSqlDatabase();
  QSqlDatabase &operator=(const QSqlDatabase &other);
  bool open();
  bool open(const QString &user, const QString &password);
  void close();
  bool isOpen() const;
  QSqlQuery exec(const QString &query = QString()) const;
  bool transaction();
  bool commit();
  bool rollback();
  void setDatabaseName(const QString &name);
  void setHostName(const QString &host);
  static const char *defaultConnection;
  static QSqlDatabase addDatabase(const QString &type,
                                  const QString &connectionName = QString(defaultConnection));
  static QSqlDatabase cloneDatabase(const QSqlDatabase &other,
                                    const QString &connectionName);
  static QSqlDatabase database(const QString &connectionName = QString(defaultConnection),
                               bool open = true);
private:
  QSqlDatabasePrivate *d;
};
class QSqlQueryPrivate;
class QSqlQuery {
public:
  explicit QSqlQuery(const QString &query = QString(), QSqlDatabase db = QSqlDatabase());
  explicit QSqlQuery(QSqlDatabase db);
  QSqlQuery(const QSqlQuery &other);
  ~QSqlQuery();
  bool exec(const QString &query);
  bool exec();
  bool prepare(const QString &query);
  void bindValue(const QString &placeholder, const QVariant &val);
  bool next();
private:
  QSqlQueryPrivate *d;
};
#endif
