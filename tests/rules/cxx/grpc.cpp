// gRPC C++: a pre-fork server. The parent builds and starts a grpc::Server
// (its polling threads start with it), then forks workers that serve on the
// inherited server ("we do not support fork() without exec() for C++",
// grpc/grpc#17695). The fix builds the server in each worker.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/grpc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/grpc -DFIXED | count 0
#include <grpcpp/grpcpp.h>
#include <memory>
#include <unistd.h>

std::unique_ptr<grpc::Server> server;
// CHECK: grpc.cpp:[[#DEF:@LINE-1]]:31: warning: 'server' (gRPC C++) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

static void start() {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  server = builder.BuildAndStart();
  // CHECK: grpc.cpp:[[#@LINE-1]]:12: note: 'server' created here by grpc::ServerBuilder::BuildAndStart()
}

int main() {
#ifndef FIXED
  start();
#endif
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      // CHECK: grpc.cpp:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'server'
#ifdef FIXED
      start();
#endif
      server->Wait();
      // CHECK: grpc.cpp:[[#@LINE-1]]:7: note: 'server' used here in the child process by grpc::Server::Wait()
      _exit(0);
    }
  return 0;
}
// CHECK: grpc.cpp:[[#DEF]]:31: note: create gRPC channels, stubs and servers in each process after fork()
