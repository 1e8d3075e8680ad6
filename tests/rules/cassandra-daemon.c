// Thread-owning: a session connected before daemon() has lost its I/O
// threads in the surviving child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/cassandra | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/cassandra -DFIXED | count 0
#include <cassandra.h>
#include <unistd.h>

CassSession *session;
// CHECK: cassandra-daemon.c:[[#DEF:@LINE-1]]:14: warning: 'session' (DataStax C/C++ driver (cpp-driver)) is live when the process forks with daemon() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

int main(void) {
  CassCluster *cluster = cass_cluster_new();
  session = cass_session_new();
#ifndef FIXED
  cass_session_connect(session, cluster);
  // CHECK: cassandra-daemon.c:[[#@LINE-1]]:3: note: 'session' connected here by cass_session_connect()
#endif
  if (daemon(0, 0) != 0)
    // CHECK: cassandra-daemon.c:[[#@LINE-1]]:7: note: daemon() forks here and only the child continues; 'session' belongs to the parent
    return 1;
#ifdef FIXED
  cass_session_connect(session, cluster);
#endif
  cass_session_execute(session, cass_statement_new("SELECT 1", 0));
  // CHECK: cassandra-daemon.c:[[#@LINE-1]]:3: note: 'session' used here in the child process by cass_session_execute()
  return 0;
}
// CHECK: cassandra-daemon.c:[[#DEF]]:14: note: create and connect the CassSession
