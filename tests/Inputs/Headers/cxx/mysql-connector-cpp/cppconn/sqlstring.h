// Mock of MySQL Connector/C++ 1.1/8.x JDBC API (jdbc/cppconn/sqlstring.h).
#ifndef FORKSAFE_MOCK_CPPCONN_SQLSTRING_H
#define FORKSAFE_MOCK_CPPCONN_SQLSTRING_H
#include <string>
namespace sql {
class SQLString {
public:
  SQLString();
  SQLString(const char *s);
  SQLString(const std::string &s);
  ~SQLString();
};
} // namespace sql
#endif
