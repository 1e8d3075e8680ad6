/* forksafe/shim/libpq.h: drop-in checks for libpq (PostgreSQL).
 *
 * Include after <libpq-fe.h>, or `-include forksafe/shim/libpq.h`. Every
 * PQconnect* that returns a PGconn records its owner; queries, result reads,
 * COPY, PQreset, PQgetCancel and PQfinish check it. In a foreign process,
 * PQfinish/PQreset would send Terminate on the parent's socket: if a handler
 * lets the call continue, PQfinish abandons the handle instead.
 * Compiles to nothing when FORKSAFE_ENABLED is 0. */
#ifndef FORKSAFE_SHIM_LIBPQ_H
#define FORKSAFE_SHIM_LIBPQ_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#elif __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#error "forksafe/shim/libpq.h: <libpq-fe.h> not found (pkg-config libpq)"
#endif
#include "common.h"

#if FORKSAFE_ENABLED
FORKSAFE__SHIM_CHECKER(PGconn, forksafe__pg)
FORKSAFE__SHIM_REGISTRAR(PGconn, forksafe__pg_reg, "PGconn", (PQstatus)(h) != CONNECTION_BAD)

FORKSAFE_INLINE void forksafe__PQfinish(PGconn *c, const char *file, int line) {
  if (forksafe__shim_close(c, "PQfinish", file, line)) (PQfinish)(c);
}

#define FORKSAFE__PG(fn, c) forksafe__pg((c), #fn, __FILE__, __LINE__)
#define FORKSAFE__PG_REG(call) forksafe__pg_reg((call), (const char *)0, __FILE__, __LINE__)

#define PQconnectdb(...) FORKSAFE__PG_REG(PQconnectdb(__VA_ARGS__))
#define PQconnectdbParams(...) FORKSAFE__PG_REG(PQconnectdbParams(__VA_ARGS__))
#define PQsetdbLogin(...) FORKSAFE__PG_REG(PQsetdbLogin(__VA_ARGS__))
#define PQconnectStart(...) FORKSAFE__PG_REG(PQconnectStart(__VA_ARGS__))
#define PQconnectStartParams(...) FORKSAFE__PG_REG(PQconnectStartParams(__VA_ARGS__))
#define PQfinish(c) forksafe__PQfinish((c), __FILE__, __LINE__)

#define PQconnectPoll(c) PQconnectPoll(FORKSAFE__PG(PQconnectPoll, c))
#define PQreset(c) PQreset(FORKSAFE__PG(PQreset, c))
#define PQresetStart(c) PQresetStart(FORKSAFE__PG(PQresetStart, c))
#define PQresetPoll(c) PQresetPoll(FORKSAFE__PG(PQresetPoll, c))
#define PQgetCancel(c) PQgetCancel(FORKSAFE__PG(PQgetCancel, c))
#define PQexec(c, ...) PQexec(FORKSAFE__PG(PQexec, c), __VA_ARGS__)
#define PQexecParams(c, ...) PQexecParams(FORKSAFE__PG(PQexecParams, c), __VA_ARGS__)
#define PQprepare(c, ...) PQprepare(FORKSAFE__PG(PQprepare, c), __VA_ARGS__)
#define PQexecPrepared(c, ...) PQexecPrepared(FORKSAFE__PG(PQexecPrepared, c), __VA_ARGS__)
#define PQdescribePrepared(c, ...) PQdescribePrepared(FORKSAFE__PG(PQdescribePrepared, c), __VA_ARGS__)
#define PQdescribePortal(c, ...) PQdescribePortal(FORKSAFE__PG(PQdescribePortal, c), __VA_ARGS__)
#define PQsendQuery(c, ...) PQsendQuery(FORKSAFE__PG(PQsendQuery, c), __VA_ARGS__)
#define PQsendQueryParams(c, ...) PQsendQueryParams(FORKSAFE__PG(PQsendQueryParams, c), __VA_ARGS__)
#define PQsendPrepare(c, ...) PQsendPrepare(FORKSAFE__PG(PQsendPrepare, c), __VA_ARGS__)
#define PQsendQueryPrepared(c, ...) \
  PQsendQueryPrepared(FORKSAFE__PG(PQsendQueryPrepared, c), __VA_ARGS__)
#define PQgetResult(c) PQgetResult(FORKSAFE__PG(PQgetResult, c))
#define PQconsumeInput(c) PQconsumeInput(FORKSAFE__PG(PQconsumeInput, c))
#define PQnotifies(c) PQnotifies(FORKSAFE__PG(PQnotifies, c))
#define PQflush(c) PQflush(FORKSAFE__PG(PQflush, c))
#define PQputCopyData(c, ...) PQputCopyData(FORKSAFE__PG(PQputCopyData, c), __VA_ARGS__)
#define PQputCopyEnd(c, ...) PQputCopyEnd(FORKSAFE__PG(PQputCopyEnd, c), __VA_ARGS__)
#define PQgetCopyData(c, ...) PQgetCopyData(FORKSAFE__PG(PQgetCopyData, c), __VA_ARGS__)
#define PQsetClientEncoding(c, ...) PQsetClientEncoding(FORKSAFE__PG(PQsetClientEncoding, c), __VA_ARGS__)
#endif /* FORKSAFE_ENABLED */
#endif /* FORKSAFE_SHIM_LIBPQ_H */
