// Mock of redis-plus-plus src/sw/redis++/async_redis.h (an event-loop
// thread serves each AsyncRedis).
#ifndef FORKSAFE_MOCK_SW_REDIS_ASYNC_REDIS_H
#define FORKSAFE_MOCK_SW_REDIS_ASYNC_REDIS_H
#include <sw/redis++/redis.h>
namespace sw {
namespace redis {
template <typename T> class Future {
public:
  T get();
};
class AsyncRedis {
public:
  explicit AsyncRedis(const ConnectionOptions &opts,
                      const ConnectionPoolOptions &pool_opts = {});
  explicit AsyncRedis(const std::string &uri);
  ~AsyncRedis();
  Future<OptionalString> get(const StringView &key);
  Future<bool> set(const StringView &key, const StringView &val);
};
} // namespace redis
} // namespace sw
#endif
