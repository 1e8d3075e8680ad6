// Mock of mongocxx 3.10+ (src/mongocxx/include/mongocxx/v_noabi/mongocxx/
// client.hpp, pool.hpp, instance.hpp, uri.hpp): the classes are declared in
// the non-inline namespace mongocxx::v_noabi and re-exported into mongocxx
// by using-declarations, as in the real headers.
#ifndef FORKSAFE_MOCK_MONGOCXX_CLIENT_HPP
#define FORKSAFE_MOCK_MONGOCXX_CLIENT_HPP
#include <functional>
#include <memory>
#include <string>
namespace mongocxx {
namespace v_noabi {
class uri {
public:
  uri();
  uri(const std::string &uri_string);
  uri(const char *uri_string);
};
class options {};
class database {
public:
  void drop();
  bool has_collection(const std::string &name) const;
};
class client_session {};
class client {
public:
  client() noexcept;
  client(const v_noabi::uri &mongodb_uri, const options &opts = options());
  client(client &&) noexcept;
  ~client();
  explicit operator bool() const noexcept;
  class database database(const std::string &name) const &;
  class database operator[](const std::string &name) const &;
  client_session start_session();
  void reset();
};
class pool {
public:
  explicit pool(const v_noabi::uri &mongodb_uri = v_noabi::uri(),
                const options &opts = options());
  ~pool();
  using entry = std::unique_ptr<client, std::function<void(client *)>>;
  entry acquire();
};
class instance {
public:
  instance();
  ~instance();
};
} // namespace v_noabi
} // namespace mongocxx
namespace mongocxx {
using ::mongocxx::v_noabi::client;
using ::mongocxx::v_noabi::database;
using ::mongocxx::v_noabi::instance;
using ::mongocxx::v_noabi::pool;
using ::mongocxx::v_noabi::uri;
} // namespace mongocxx
#endif
