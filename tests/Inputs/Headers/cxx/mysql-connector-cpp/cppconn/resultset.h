// Mock of jdbc/cppconn/resultset.h.
#ifndef FORKSAFE_MOCK_CPPCONN_RESULTSET_H
#define FORKSAFE_MOCK_CPPCONN_RESULTSET_H
#include <cppconn/sqlstring.h>
namespace sql {
class ResultSet {
public:
  virtual ~ResultSet() {}
  virtual bool next() = 0;
  virtual int getInt(const sql::SQLString &columnLabel) const = 0;
};
} // namespace sql
#endif
