// Mock of gRPC C++ include/grpcpp/server.h and
// impl/codegen/server_interface.h.
#ifndef FORKSAFE_MOCK_GRPCPP_SERVER_H
#define FORKSAFE_MOCK_GRPCPP_SERVER_H
#include <grpcpp/impl/codegen/channel_interface.h>
namespace grpc {
class Channel;
class ChannelArguments;
class ServerInterface : public internal::CallHook {
public:
  ~ServerInterface() override {}
  template <class T> void Shutdown(const T &deadline);
  void Shutdown();
  virtual void Wait() = 0;
};
class Server : public ServerInterface {
public:
  ~Server() override;
  void Wait() override;
  std::shared_ptr<Channel> InProcessChannel(const ChannelArguments &args);
};
} // namespace grpc
#endif
