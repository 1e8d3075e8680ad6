// Against the real <mongoc/mongoc.h> (libmongoc-dev): the rule's type and
// function names must match the installed header.
// REQUIRES: mongoc-headers
// RUN: %expect_exit 1 %forksafe %s -- -I/usr/include/libmongoc-1.0 -I/usr/include/libbson-1.0 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -I/usr/include/libmongoc-1.0 -I/usr/include/libbson-1.0 -DFIXED | count 0
#include <mongoc/mongoc.h>
#include <unistd.h>

static mongoc_client_t *client;
// CHECK: mongoc.c:[[#DEF:@LINE-1]]:25: warning: 'client' (MongoDB C driver (libmongoc)) is connected when the process forks
static mongoc_client_pool_t *pool;

int main(void) {
  bson_t cmd = BSON_INITIALIZER, reply;
  bson_error_t error;
  mongoc_uri_t *uri = mongoc_uri_new("mongodb://localhost:27017");
  mongoc_init();
  client = mongoc_client_new("mongodb://localhost:27017");
  // CHECK: mongoc.c:[[#@LINE-1]]:12: note: 'client' created here by mongoc_client_new()
#ifndef FIXED
  pool = mongoc_client_pool_new(uri);
#endif
  if (fork() == 0) {
    // CHECK: mongoc.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'client'
#ifdef FIXED
    mongoc_client_reset(client);
    pool = mongoc_client_pool_new(uri);
#endif
    mongoc_client_command_simple(client, "admin", &cmd, NULL, &reply, &error);
    // CHECK: mongoc.c:[[#@LINE-1]]:5: note: 'client' used here in the child process by mongoc_client_command_simple()
    mongoc_client_t *popped = mongoc_client_pool_pop(pool);
    mongoc_client_pool_push(pool, popped);
    _exit(0);
  }
  mongoc_client_destroy(client);
  return 0;
}
// CHECK: mongoc.c:[[#DEF]]:25: note: create the client in each process after fork()
// CHECK: mongoc.c:{{[0-9]+}}:30: warning: 'pool' (MongoDB C driver (libmongoc)) is live when the process forks
// CHECK: note: 'pool' created here by mongoc_client_pool_new()
// CHECK: note: 'pool' used here in the child process by mongoc_client_pool_pop()
