// Mock of SOCI 4.x include/soci/session.h and transaction.h.
#ifndef FORKSAFE_MOCK_SOCI_SESSION_H
#define FORKSAFE_MOCK_SOCI_SESSION_H
#include <string>
namespace soci {
class backend_factory;
class connection_pool;
class connection_parameters {
public:
  connection_parameters(std::string const &backendName,
                        std::string const &connectString);
};
namespace details {
class once_temp_type {
public:
  template <typename T> once_temp_type &operator<<(T const &t);
  template <typename T> once_temp_type &operator,(T const &t);
  ~once_temp_type() noexcept(false);
};
class once_type {
public:
  template <typename T> once_temp_type operator<<(T const &t);
};
template <typename T> class into_type {};
} // namespace details
template <typename T> details::into_type<T> into(T &t);
class session {
public:
  session();
  explicit session(connection_parameters const &parameters);
  session(backend_factory const &factory, std::string const &connectString);
  session(std::string const &backendName, std::string const &connectString);
  explicit session(std::string const &connectString);
  explicit session(connection_pool &pool);
  ~session();
  void open(connection_parameters const &parameters);
  void open(std::string const &backendName, std::string const &connectString);
  void open(std::string const &connectString);
  void close();
  void reconnect();
  bool is_connected() const noexcept;
  void begin();
  void commit();
  void rollback();
  details::once_type once;
  template <typename T> details::once_temp_type operator<<(T const &t);
};
class transaction {
public:
  explicit transaction(session &sql);
  ~transaction();
  void commit();
  void rollback();
};
} // namespace soci
#endif
