#include <hiredis.h>
#include <unistd.h>
redisContext *g_redis;
void after_fork_in_child(void);
int main(void) {
  g_redis = redisConnect("127.0.0.1", 6379);
  if (fork() == 0) {
    after_fork_in_child();
    redisCommand(g_redis, "PING");
    _exit(0);
  }
  return 0;
}
