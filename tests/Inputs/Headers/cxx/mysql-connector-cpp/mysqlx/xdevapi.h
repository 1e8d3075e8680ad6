// Mock of MySQL Connector/C++ 8.x X DevAPI (include/mysqlx/xdevapi.h,
// devapi/...): the classes live in the inline ABI namespaces abi2::r0.
#ifndef FORKSAFE_MOCK_MYSQLX_XDEVAPI_H
#define FORKSAFE_MOCK_MYSQLX_XDEVAPI_H
#include <string>
namespace mysqlx {
inline namespace abi2 {
inline namespace r0 {
class SqlResult {
public:
  unsigned long long getAffectedItemsCount();
};
class SqlStatement {
public:
  SqlResult execute();
};
class Schema {
public:
  std::string getName() const;
};
class Client;
class Session {
public:
  Session(const std::string &uri);
  Session(const char *uri);
  Session(const std::string &host, unsigned port, const std::string &user,
          const char *pwd = nullptr);
  Session(Client &client);
  Session(Session &&other);
  ~Session();
  Schema createSchema(const std::string &name, bool reuse = false);
  Schema getSchema(const std::string &name, bool check_existence = false);
  Schema getDefaultSchema();
  SqlStatement sql(const std::string &query);
  void startTransaction();
  void commit();
  void rollback();
  void close();
};
class Client {
public:
  Client(const std::string &uri);
  Client(const char *uri);
  ~Client();
  Session getSession();
  void close();
};
template <typename... T> Session getSession(T... options);
template <typename... T> Client getClient(T... options);
} // namespace r0
} // namespace abi2
} // namespace mysqlx
#endif
