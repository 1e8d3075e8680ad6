/* forksafe/shim/all.h: every shim whose library header is on the include
 * path. Handy as one `-include forksafe/shim/all.h` in a debug build. */
#ifndef FORKSAFE_SHIM_ALL_H
#define FORKSAFE_SHIM_ALL_H
#if __has_include(<mysql.h>) || __has_include(<mariadb/mysql.h>) || __has_include(<mysql/mysql.h>)
#include "mysql.h"
#endif
#if __has_include(<libpq-fe.h>) || __has_include(<postgresql/libpq-fe.h>)
#include "libpq.h"
#endif
#if __has_include(<sqlite3.h>)
#include "sqlite3.h"
#endif
#if __has_include(<hiredis/hiredis.h>) || __has_include(<hiredis.h>)
#include "hiredis.h"
#endif
#endif
