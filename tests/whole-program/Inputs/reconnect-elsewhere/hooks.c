#include <hiredis.h>
extern redisContext *g_redis;
void after_fork_in_child(void) { redisReconnect(g_redis); }
