// gRPC C++ channels live in a std::shared_ptr<grpc::Channel>; uses go
// through operator-> declared in libstdc++'s base __shared_ptr_access.
// RUN: %expect_exit 1 %forksafe %s -- -std=c++17 -I%mocks/cxx/grpc | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -std=c++17 -I%mocks/cxx/grpc -DFIXED | count 0
#include <grpcpp/grpcpp.h>
#include <memory>
#include <unistd.h>

#ifdef FIXED
std::shared_ptr<grpc::Channel> channel;
#else
std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel("localhost:50051", grpc::InsecureChannelCredentials());
// CHECK: grpc-channel.cpp:[[#DEF:@LINE-1]]:32: warning: 'channel' (gRPC C++) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]
// CHECK: grpc-channel.cpp:[[#DEF]]:42: note: 'channel' created here by grpc::CreateChannel()
#endif

int main() {
  if (fork() == 0) {
    // CHECK: grpc-channel.cpp:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'channel'
#ifdef FIXED
    channel = grpc::CreateChannel("localhost:50051", grpc::InsecureChannelCredentials());
#endif
    channel->GetState(true);
    // CHECK: grpc-channel.cpp:[[#@LINE-1]]:5: note: 'channel' used here in the child process by grpc::Channel::GetState()
    _exit(0);
  }
  return 0;
}
// CHECK: grpc-channel.cpp:[[#DEF]]:32: note: create gRPC channels, stubs and servers in each process after fork()
// CHECK: grpc-channel.cpp:[[#DEF]]:32: note: fix-it: make 'channel' a forksafe::per_process<std::shared_ptr<grpc::Channel>>, which each process creates on first use (a child never uses or closes its parent's)
