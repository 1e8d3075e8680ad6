// PHP extensions: MINIT runs once in the master before FPM/prefork workers
// exist; RINIT runs per request in a worker. The fix connects lazily in RINIT.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks -I%mocks/frameworks | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks -I%mocks/frameworks -DFIXED | count 0
#include <hiredis.h>
#include <php.h>
#include <stddef.h>

static redisContext *sessions;
// CHECK: php.c:[[#DEF:@LINE-1]]:22: warning: 'sessions' (hiredis) is connected when PHP forks its worker processes and is used in the child process

PHP_MINIT_FUNCTION(sessions) {
#ifndef FIXED
  sessions = redisConnect("127.0.0.1", 6379);
  // CHECK: php.c:[[#@LINE-1]]:14: note: 'sessions' created here by redisConnect()
  // CHECK: php.c:[[#@LINE-4]]:1: note: PHP runs 'zm_startup_sessions' (MINIT) once in the master process before the workers exist
#endif
  return SUCCESS;
}

PHP_RINIT_FUNCTION(sessions) {
  // CHECK: php.c:[[#@LINE-1]]:1: note: PHP runs 'zm_activate_sessions' (RINIT) for each request in a worker process
#ifdef FIXED
  if (sessions == NULL)
    sessions = redisConnect("127.0.0.1", 6379);
#endif
  redisCommand(sessions, "GET session:1");
  // CHECK: php.c:[[#@LINE-1]]:3: note: 'sessions' used here in the child process by redisCommand()
  return SUCCESS;
}

zend_module_entry sessions_module_entry = {
    sizeof(zend_module_entry), 20220829, "sessions", NULL,
    PHP_MINIT(sessions), NULL, PHP_RINIT(sessions), NULL};
// CHECK: php.c:[[#DEF]]:22: note: connect lazily in RINIT
