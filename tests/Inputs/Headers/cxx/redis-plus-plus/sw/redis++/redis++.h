// Mock of redis-plus-plus's umbrella header src/sw/redis++/redis++.h.
#ifndef FORKSAFE_MOCK_SW_REDIS_PLUS_PLUS_H
#define FORKSAFE_MOCK_SW_REDIS_PLUS_PLUS_H
#include <sw/redis++/redis.h>
#include <sw/redis++/redis_cluster.h>
#endif
