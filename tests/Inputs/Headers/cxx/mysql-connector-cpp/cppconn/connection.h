// Mock of jdbc/cppconn/connection.h: sql::Connection is an abstract class;
// MySQL_Connection implements it.
#ifndef FORKSAFE_MOCK_CPPCONN_CONNECTION_H
#define FORKSAFE_MOCK_CPPCONN_CONNECTION_H
#include <cppconn/sqlstring.h>
namespace sql {
class Statement;
class PreparedStatement;
class Connection {
public:
  Connection() {}
  virtual ~Connection() {}
  virtual void clearWarnings() = 0;
  virtual Statement *createStatement() = 0;
  virtual void close() = 0;
  virtual void commit() = 0;
  virtual bool isClosed() = 0;
  virtual bool isValid() = 0;
  virtual bool reconnect() = 0;
  virtual PreparedStatement *prepareStatement(const sql::SQLString &sql) = 0;
  virtual void rollback() = 0;
  virtual void setAutoCommit(bool autoCommit) = 0;
  virtual void setSchema(const sql::SQLString &catalog) = 0;
};
} // namespace sql
#endif
