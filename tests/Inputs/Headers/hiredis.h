/* Mock of hiredis/hiredis.h (real signatures). */
#ifndef FORKSAFE_MOCK_HIREDIS_H
#define FORKSAFE_MOCK_HIREDIS_H
typedef struct redisContext { int err; int fd; } redisContext;
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectUnix(const char *path);
void *redisCommand(redisContext *c, const char *format, ...);
int redisReconnect(redisContext *c);
void redisFree(redisContext *c);
void freeReplyObject(void *reply);
#endif
