// Mock of jdbc/cppconn/prepared_statement.h.
#ifndef FORKSAFE_MOCK_CPPCONN_PREPARED_STATEMENT_H
#define FORKSAFE_MOCK_CPPCONN_PREPARED_STATEMENT_H
#include <cppconn/statement.h>
namespace sql {
class PreparedStatement : public Statement {
public:
  virtual ~PreparedStatement() {}
  virtual void clearParameters() = 0;
  virtual bool execute() = 0;
  virtual ResultSet *executeQuery() = 0;
  virtual int executeUpdate() = 0;
  virtual void setInt(unsigned int parameterIndex, int value) = 0;
};
} // namespace sql
#endif
