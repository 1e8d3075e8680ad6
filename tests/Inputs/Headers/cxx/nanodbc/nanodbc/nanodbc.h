// Mock of nanodbc 2.x nanodbc/nanodbc.h.
#ifndef FORKSAFE_MOCK_NANODBC_H
#define FORKSAFE_MOCK_NANODBC_H
#include <memory>
#include <string>
namespace nanodbc {
typedef std::string string;
class connection;
class result {
public:
  bool next();
  template <class T> T get(short column) const;
};
class statement {
public:
  statement();
  explicit statement(class connection &conn);
  statement(class connection &conn, const string &query, long timeout = 0);
  ~statement() noexcept;
  void open(class connection &conn);
  void prepare(const string &query, long timeout = 0);
  result execute(long batch_operations = 1, long timeout = 0);
};
class transaction {
public:
  explicit transaction(const class connection &conn);
  ~transaction() noexcept;
  void commit();
  void rollback() noexcept;
};
class connection {
public:
  connection();
  connection(const string &dsn, const string &user, const string &pass,
             long timeout = 0);
  connection(const string &connection_string, long timeout = 0);
  ~connection() noexcept;
  void connect(const string &dsn, const string &user, const string &pass,
               long timeout = 0);
  void connect(const string &connection_string, long timeout = 0);
  bool connected() const;
  void disconnect();
  std::size_t transactions() const;
  string dbms_name() const;
  string catalog_name() const;
};
result execute(connection &conn, const string &query, long batch_operations = 1,
               long timeout = 0);
void just_execute(connection &conn, const string &query,
                  long batch_operations = 1, long timeout = 0);
void prepare(statement &stmt, const string &query, long timeout = 0);
} // namespace nanodbc
#endif
