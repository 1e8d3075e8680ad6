// Mock of redis-plus-plus src/sw/redis++/redis.h (and connection.h,
// utils.h): sw::redis::Redis connects lazily, on its first command.
#ifndef FORKSAFE_MOCK_SW_REDIS_REDIS_H
#define FORKSAFE_MOCK_SW_REDIS_REDIS_H
#include <memory>
#include <string>
namespace sw {
namespace redis {
class StringView {
public:
  StringView(const char *data);
  StringView(const std::string &str);
};
template <typename T> class Optional {
public:
  explicit operator bool() const;
  const T &value() const;
};
using OptionalString = Optional<std::string>;
struct ConnectionOptions {
  std::string host;
  int port = 6379;
};
struct ConnectionPoolOptions {
  std::size_t size = 1;
};
class Pipeline {
public:
  Pipeline &incr(const StringView &key);
  void exec();
};
class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = {});
  explicit Redis(const std::string &uri);
  Redis(const Redis &) = delete;
  Redis(Redis &&) = default;
  ~Redis() = default;
  Pipeline pipeline(bool new_connection = true);
  std::string ping();
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val);
  long long incr(const StringView &key);
  long long del(const StringView &key);
  long long publish(const StringView &channel, const StringView &message);

private:
  std::shared_ptr<class ConnectionPool> _pool;
};
} // namespace redis
} // namespace sw
#endif
