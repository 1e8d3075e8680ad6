// mongo-c-driver: a client created before fork and used in the child. The
// fix is the library's own post-fork reset, mongoc_client_reset().
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/mongoc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/mongoc -DFIXED | count 0
#include <mongoc/mongoc.h>
#include <unistd.h>

static mongoc_client_t *client;
// CHECK: mongoc.c:[[#DEF:@LINE-1]]:25: warning: 'client' (MongoDB C driver (libmongoc)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void ping(void);

int main(void) {
  mongoc_init();
  client = mongoc_client_new("mongodb://localhost:27017");
  // CHECK: mongoc.c:[[#@LINE-1]]:12: note: 'client' created here by mongoc_client_new()
  if (fork() == 0) {
    // CHECK: mongoc.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'client'
#ifdef FIXED
    mongoc_client_reset(client); /* safe: no endSessions, cursors invalidated */
#endif
    ping();
    // CHECK: mongoc.c:[[#@LINE-1]]:5: note: 'ping' called from here in the child process
    _exit(0);
  }
  ping();
  return 0;
}

static void ping(void) {
  bson_t cmd, reply;
  bson_error_t error;
  mongoc_client_command_simple(client, "admin", &cmd, NULL, &reply, &error);
  // CHECK: mongoc.c:[[#@LINE-1]]:3: note: 'client' used here in the child process by mongoc_client_command_simple()
}
// CHECK: mongoc.c:[[#DEF]]:25: note: create the client in each process after fork(), or call mongoc_client_reset() in the child before any other use of an inherited mongoc_client_t; a mongoc_client_pool_t has no reset: create pools after fork()
