// Against the real <grpcpp/...> (libgrpc++-dev): a server from
// grpc::ServerBuilder::BuildAndStart, started before the fork and waited on
// in the child. (Channels are created by grpc::CreateChannel in a
// std::shared_ptr, whose uses forksafe does not follow yet: see
// ../grpc-channel.cpp.)
// REQUIRES: grpcpp-headers
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -DFIXED | count 0
#include <grpcpp/grpcpp.h>
#include <memory>
#include <unistd.h>

std::unique_ptr<grpc::Server> server;
// CHECK: grpc.cpp:[[#@LINE-1]]:31: warning: 'server' (gRPC C++) is live when the process forks
// CHECK: note: 'server' created here by grpc::ServerBuilder::BuildAndStart()
// CHECK: note: 'server' used here in the child process by grpc::Server::Wait()
std::unique_ptr<grpc::Server> admin;
// CHECK: grpc.cpp:[[#@LINE-1]]:31: warning: 'admin' (gRPC C++) is live when the process forks
// CHECK: note: 'admin' used here in the child process by grpc::Server::InProcessChannel()

static std::unique_ptr<grpc::Server> build(const char *addr) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort(addr, grpc::InsecureServerCredentials());
  return builder.BuildAndStart();
}

int main() {
#ifndef FIXED
  grpc::ServerBuilder builder;
  builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  server = builder.BuildAndStart();
  admin = build("127.0.0.1:50052");
#endif
  if (fork() == 0) {
#ifdef FIXED
    server = build("0.0.0.0:50051");
    admin = build("127.0.0.1:50052");
#endif
    grpc::ChannelArguments args;
    auto local = admin->InProcessChannel(args);
    server->Wait();
    _exit(0);
  }
  return 0;
}
