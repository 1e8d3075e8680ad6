/* forksafe/shim/hiredis.h: drop-in checks for hiredis (synchronous API).
 *
 * Include after <hiredis/hiredis.h>, or `-include forksafe/shim/hiredis.h`.
 * Every redisConnect* that returns a usable context records its owner;
 * commands, replies and redisFree check it. redisReconnect() is the safe
 * remedy in a child (it drops the inherited fd and reconnects), so it is not
 * checked: it re-records the context as owned by the calling process.
 * Not covered: the async API (redisAsyncContext).
 * Compiles to nothing when FORKSAFE_ENABLED is 0. */
#ifndef FORKSAFE_SHIM_HIREDIS_H
#define FORKSAFE_SHIM_HIREDIS_H

#if __has_include(<hiredis/hiredis.h>)
#include <hiredis/hiredis.h>
#elif __has_include(<hiredis.h>)
#include <hiredis.h>
#else
#error "forksafe/shim/hiredis.h: <hiredis/hiredis.h> not found (pkg-config hiredis)"
#endif
#include "common.h"

#if FORKSAFE_ENABLED
FORKSAFE__SHIM_CHECKER(redisContext, forksafe__rd)
FORKSAFE__SHIM_REGISTRAR(redisContext, forksafe__rd_reg, "redisContext", !h->err)

FORKSAFE_INLINE void forksafe__redisFree(redisContext *c, const char *file, int line) {
  if (forksafe__shim_close(c, "redisFree", file, line)) (redisFree)(c);
}

FORKSAFE_INLINE int forksafe__redisReconnect(redisContext *c, const char *file, int line) {
  int rc = (redisReconnect)(c);
  if (rc == REDIS_OK) forksafe__register(c, "redisContext", (const char *)0, file, line);
  return rc;
}

#define FORKSAFE__RD(fn, c) forksafe__rd((c), #fn, __FILE__, __LINE__)
#define FORKSAFE__RD_REG(call) forksafe__rd_reg((call), (const char *)0, __FILE__, __LINE__)

#define redisConnect(...) FORKSAFE__RD_REG(redisConnect(__VA_ARGS__))
#define redisConnectWithTimeout(...) FORKSAFE__RD_REG(redisConnectWithTimeout(__VA_ARGS__))
#define redisConnectNonBlock(...) FORKSAFE__RD_REG(redisConnectNonBlock(__VA_ARGS__))
#define redisConnectBindNonBlock(...) FORKSAFE__RD_REG(redisConnectBindNonBlock(__VA_ARGS__))
#define redisConnectUnix(...) FORKSAFE__RD_REG(redisConnectUnix(__VA_ARGS__))
#define redisConnectUnixWithTimeout(...) FORKSAFE__RD_REG(redisConnectUnixWithTimeout(__VA_ARGS__))
#define redisConnectUnixNonBlock(...) FORKSAFE__RD_REG(redisConnectUnixNonBlock(__VA_ARGS__))
#define redisConnectWithOptions(...) FORKSAFE__RD_REG(redisConnectWithOptions(__VA_ARGS__))
#define redisConnectFd(...) FORKSAFE__RD_REG(redisConnectFd(__VA_ARGS__))
#define redisFree(c) forksafe__redisFree((c), __FILE__, __LINE__)
#define redisReconnect(c) forksafe__redisReconnect((c), __FILE__, __LINE__)

#define redisCommand(c, ...) redisCommand(FORKSAFE__RD(redisCommand, c), __VA_ARGS__)
#define redisvCommand(c, ...) redisvCommand(FORKSAFE__RD(redisvCommand, c), __VA_ARGS__)
#define redisCommandArgv(c, ...) redisCommandArgv(FORKSAFE__RD(redisCommandArgv, c), __VA_ARGS__)
#define redisAppendCommand(c, ...) redisAppendCommand(FORKSAFE__RD(redisAppendCommand, c), __VA_ARGS__)
#define redisvAppendCommand(c, ...) redisvAppendCommand(FORKSAFE__RD(redisvAppendCommand, c), __VA_ARGS__)
#define redisAppendCommandArgv(c, ...) \
  redisAppendCommandArgv(FORKSAFE__RD(redisAppendCommandArgv, c), __VA_ARGS__)
#define redisAppendFormattedCommand(c, ...) \
  redisAppendFormattedCommand(FORKSAFE__RD(redisAppendFormattedCommand, c), __VA_ARGS__)
#define redisGetReply(c, ...) redisGetReply(FORKSAFE__RD(redisGetReply, c), __VA_ARGS__)
#define redisBufferRead(c) redisBufferRead(FORKSAFE__RD(redisBufferRead, c))
#define redisBufferWrite(c, ...) redisBufferWrite(FORKSAFE__RD(redisBufferWrite, c), __VA_ARGS__)
#endif /* FORKSAFE_ENABLED */
#endif /* FORKSAFE_SHIM_HIREDIS_H */
