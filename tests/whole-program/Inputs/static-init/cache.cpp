#include <hiredis.h>
redisContext *g_cache = redisConnect("127.0.0.1", 6379);
