// Mock of mongocxx 3.9 and older (src/mongocxx/client.hpp): the classes are
// declared in 'inline namespace v_noabi' (MONGOCXX_INLINE_NAMESPACE_BEGIN),
// which forksafe's qualified names omit: mongocxx::client.
#ifndef FORKSAFE_MOCK_MONGOCXX39_CLIENT_HPP
#define FORKSAFE_MOCK_MONGOCXX39_CLIENT_HPP
#include <string>
namespace mongocxx {
inline namespace v_noabi {
class uri {
public:
  uri(const std::string &uri_string);
  uri(const char *uri_string);
};
class database {
public:
  bool has_collection(const std::string &name) const;
};
class client {
public:
  client() noexcept;
  client(const class uri &mongodb_uri);
  ~client();
  class database database(const std::string &name) const &;
  class database operator[](const std::string &name) const &;
  void reset();
};
class instance {
public:
  instance();
  ~instance();
};
} // namespace v_noabi
} // namespace mongocxx
#endif
