// Mock of redis-plus-plus src/sw/redis++/redis_cluster.h.
#ifndef FORKSAFE_MOCK_SW_REDIS_REDIS_CLUSTER_H
#define FORKSAFE_MOCK_SW_REDIS_REDIS_CLUSTER_H
#include <sw/redis++/redis.h>
namespace sw {
namespace redis {
class RedisCluster {
public:
  explicit RedisCluster(const ConnectionOptions &connection_opts,
                        const ConnectionPoolOptions &pool_opts = {});
  explicit RedisCluster(const std::string &uri);
  ~RedisCluster() = default;
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val);

private:
  std::shared_ptr<class ShardsPool> _pool;
};
} // namespace redis
} // namespace sw
#endif
