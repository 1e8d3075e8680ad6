// Mock of SQLiteCpp 3.x include/SQLiteCpp/Statement.h.
#ifndef FORKSAFE_MOCK_SQLITECPP_STATEMENT_H
#define FORKSAFE_MOCK_SQLITECPP_STATEMENT_H
#include <string>
namespace SQLite {
class Database;
class Column {
public:
  int getInt() const noexcept;
};
class Statement {
public:
  Statement(const Database &aDatabase, const char *apQuery);
  Statement(const Database &aDatabase, const std::string &aQuery);
  Statement(const Statement &) = delete;
  Statement(Statement &&aStatement) noexcept;
  ~Statement();
  void reset();
  void bind(const int aIndex, const int aValue);
  bool executeStep();
  int exec();
  Column getColumn(const int aIndex);
};
} // namespace SQLite
#endif
