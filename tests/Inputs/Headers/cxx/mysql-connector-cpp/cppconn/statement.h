// Mock of jdbc/cppconn/statement.h.
#ifndef FORKSAFE_MOCK_CPPCONN_STATEMENT_H
#define FORKSAFE_MOCK_CPPCONN_STATEMENT_H
#include <cppconn/resultset.h>
namespace sql {
class Connection;
class Statement {
public:
  virtual ~Statement() {}
  virtual Connection *getConnection() = 0;
  virtual void cancel() = 0;
  virtual void close() = 0;
  virtual bool execute(const sql::SQLString &sql) = 0;
  virtual ResultSet *executeQuery(const sql::SQLString &sql) = 0;
  virtual int executeUpdate(const sql::SQLString &sql) = 0;
};
} // namespace sql
#endif
