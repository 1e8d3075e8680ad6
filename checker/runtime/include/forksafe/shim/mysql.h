/* forksafe/shim/mysql.h: drop-in checks for the MySQL / MariaDB C API.
 *
 * Include after <mysql.h>, or add `-include forksafe/shim/mysql.h` to a debug
 * build (it includes the library header itself). A successful
 * mysql_real_connect() records the handle's owner; every later call on it
 * checks that it runs in the same process. Compiles to nothing when
 * FORKSAFE_ENABLED is 0 (NDEBUG / FORKSAFE_DISABLE).
 *
 * Not covered: the *_start/_cont non-blocking API, MYSQL_RES calls (no I/O
 * once stored). */
#ifndef FORKSAFE_SHIM_MYSQL_H
#define FORKSAFE_SHIM_MYSQL_H

#if __has_include(<mysql.h>)
#include <mysql.h>
#elif __has_include(<mariadb/mysql.h>)
#include <mariadb/mysql.h>
#elif __has_include(<mysql/mysql.h>)
#include <mysql/mysql.h>
#else
#error "forksafe/shim/mysql.h: no MySQL/MariaDB client header found (pkg-config libmariadb)"
#endif
#include "common.h"

#if FORKSAFE_ENABLED
FORKSAFE__SHIM_CHECKER(MYSQL, forksafe__mysql)
FORKSAFE__SHIM_REGISTRAR(MYSQL, forksafe__mysql_reg, "MYSQL", 1)

FORKSAFE_INLINE MYSQL_STMT *forksafe__mysql_stmt(MYSQL_STMT *s, const char *func,
                                                  const char *file, int line) {
  if (s && s->mysql) forksafe__check_handle(s->mysql, func, file, line);
  return s;
}

FORKSAFE_INLINE void forksafe__mysql_close(MYSQL *m, const char *file, int line) {
  if (forksafe__shim_close(m, "mysql_close", file, line)) (mysql_close)(m);
}

/* my_bool in MariaDB, bool in MySQL 8: take whatever the header declares. */
FORKSAFE_INLINE __typeof__((mysql_stmt_close)((MYSQL_STMT *)0))
forksafe__mysql_stmt_close(MYSQL_STMT *s, const char *file, int line) {
  if (s && s->mysql && !forksafe__check_handle(s->mysql, "mysql_stmt_close", file, line))
    return 0; /* abandoned: COM_STMT_CLOSE would go to the parent's session */
  return (mysql_stmt_close)(s);
}

#define FORKSAFE__M(fn, m) forksafe__mysql((m), #fn, __FILE__, __LINE__)
#define FORKSAFE__MS(fn, s) forksafe__mysql_stmt((s), #fn, __FILE__, __LINE__)

#define mysql_real_connect(m, ...) \
  forksafe__mysql_reg(mysql_real_connect((m), __VA_ARGS__), #m, __FILE__, __LINE__)
#define mysql_close(m) forksafe__mysql_close((m), __FILE__, __LINE__)

#define mysql_query(m, ...) mysql_query(FORKSAFE__M(mysql_query, m), __VA_ARGS__)
#define mysql_real_query(m, ...) mysql_real_query(FORKSAFE__M(mysql_real_query, m), __VA_ARGS__)
#define mysql_send_query(m, ...) mysql_send_query(FORKSAFE__M(mysql_send_query, m), __VA_ARGS__)
#define mysql_read_query_result(m) mysql_read_query_result(FORKSAFE__M(mysql_read_query_result, m))
#define mysql_store_result(m) mysql_store_result(FORKSAFE__M(mysql_store_result, m))
#define mysql_use_result(m) mysql_use_result(FORKSAFE__M(mysql_use_result, m))
#define mysql_next_result(m) mysql_next_result(FORKSAFE__M(mysql_next_result, m))
#define mysql_ping(m) mysql_ping(FORKSAFE__M(mysql_ping, m))
#define mysql_select_db(m, ...) mysql_select_db(FORKSAFE__M(mysql_select_db, m), __VA_ARGS__)
#define mysql_change_user(m, ...) mysql_change_user(FORKSAFE__M(mysql_change_user, m), __VA_ARGS__)
#define mysql_reset_connection(m) mysql_reset_connection(FORKSAFE__M(mysql_reset_connection, m))
#define mysql_commit(m) mysql_commit(FORKSAFE__M(mysql_commit, m))
#define mysql_rollback(m) mysql_rollback(FORKSAFE__M(mysql_rollback, m))
#define mysql_autocommit(m, ...) mysql_autocommit(FORKSAFE__M(mysql_autocommit, m), __VA_ARGS__)
#define mysql_set_character_set(m, ...) \
  mysql_set_character_set(FORKSAFE__M(mysql_set_character_set, m), __VA_ARGS__)
#define mysql_set_server_option(m, ...) \
  mysql_set_server_option(FORKSAFE__M(mysql_set_server_option, m), __VA_ARGS__)
#define mysql_stat(m) mysql_stat(FORKSAFE__M(mysql_stat, m))
#define mysql_kill(m, ...) mysql_kill(FORKSAFE__M(mysql_kill, m), __VA_ARGS__)
#define mysql_refresh(m, ...) mysql_refresh(FORKSAFE__M(mysql_refresh, m), __VA_ARGS__)
#define mysql_list_dbs(m, ...) mysql_list_dbs(FORKSAFE__M(mysql_list_dbs, m), __VA_ARGS__)
#define mysql_list_tables(m, ...) mysql_list_tables(FORKSAFE__M(mysql_list_tables, m), __VA_ARGS__)
#define mysql_list_fields(m, ...) mysql_list_fields(FORKSAFE__M(mysql_list_fields, m), __VA_ARGS__)
#define mysql_list_processes(m) mysql_list_processes(FORKSAFE__M(mysql_list_processes, m))
#define mysql_stmt_init(m) mysql_stmt_init(FORKSAFE__M(mysql_stmt_init, m))

#define mysql_stmt_prepare(s, ...) mysql_stmt_prepare(FORKSAFE__MS(mysql_stmt_prepare, s), __VA_ARGS__)
#define mysql_stmt_execute(s) mysql_stmt_execute(FORKSAFE__MS(mysql_stmt_execute, s))
#define mysql_stmt_fetch(s) mysql_stmt_fetch(FORKSAFE__MS(mysql_stmt_fetch, s))
#define mysql_stmt_store_result(s) mysql_stmt_store_result(FORKSAFE__MS(mysql_stmt_store_result, s))
#define mysql_stmt_send_long_data(s, ...) \
  mysql_stmt_send_long_data(FORKSAFE__MS(mysql_stmt_send_long_data, s), __VA_ARGS__)
#define mysql_stmt_reset(s) mysql_stmt_reset(FORKSAFE__MS(mysql_stmt_reset, s))
#define mysql_stmt_next_result(s) mysql_stmt_next_result(FORKSAFE__MS(mysql_stmt_next_result, s))
#define mysql_stmt_close(s) forksafe__mysql_stmt_close((s), __FILE__, __LINE__)
#endif /* FORKSAFE_ENABLED */
#endif /* FORKSAFE_SHIM_MYSQL_H */
