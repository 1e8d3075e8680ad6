// DataStax cpp-driver (C API; mock header only, the driver is not in Debian):
// a session connected before fork; its libuv I/O threads are missing in the
// child. The fix connects a new session in the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/cassandra | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/cassandra -DFIXED | count 0
#include <cassandra.h>
#include <unistd.h>

static CassSession *session;
// CHECK: cassandra.c:[[#DEF:@LINE-1]]:21: warning: 'session' (DataStax C/C++ driver (cpp-driver)) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  CassCluster *cluster = cass_cluster_new();
  cass_cluster_set_contact_points(cluster, "127.0.0.1");
  session = cass_session_new();
#ifndef FIXED
  cass_future_free(cass_session_connect(session, cluster));
  // CHECK: cassandra.c:[[#@LINE-1]]:20: note: 'session' connected here by cass_session_connect()
#endif
  if (fork() == 0) {
    // CHECK: cassandra.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'session'
#ifdef FIXED
    session = cass_session_new(); /* leak the inherited one: freeing it hangs */
    cass_future_free(cass_session_connect(session, cluster));
#endif
    cass_session_execute(session, cass_statement_new("SELECT now() FROM system.local", 0));
    // CHECK: cassandra.c:[[#@LINE-1]]:5: note: 'session' used here in the child process by cass_session_execute()
    _exit(0);
  }
  cass_session_free(session);
  return 0;
}
// CHECK: cassandra.c:[[#DEF]]:21: note: create and connect the CassSession in each process after fork(); in a child, never close or free an inherited session (it hangs): leave it and exit with _exit()
