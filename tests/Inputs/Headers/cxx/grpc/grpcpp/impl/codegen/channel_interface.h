// Mock of gRPC C++ include/grpcpp/impl/codegen/channel_interface.h and the
// call helpers generated stubs use (client_unary_call.h).
#ifndef FORKSAFE_MOCK_GRPCPP_CHANNEL_INTERFACE_H
#define FORKSAFE_MOCK_GRPCPP_CHANNEL_INTERFACE_H
#include <chrono>
#include <memory>
#include <string>
typedef enum {
  GRPC_CHANNEL_IDLE,
  GRPC_CHANNEL_CONNECTING,
  GRPC_CHANNEL_READY,
  GRPC_CHANNEL_TRANSIENT_FAILURE,
  GRPC_CHANNEL_SHUTDOWN
} grpc_connectivity_state;
namespace grpc {
class Status {
public:
  bool ok() const;
};
class ClientContext {
public:
  ClientContext();
  ~ClientContext();
};
namespace internal {
class RpcMethod {
public:
  RpcMethod(const char *name, int type, const std::shared_ptr<class ChannelInterface> &channel);
};
class CallHook {
public:
  virtual ~CallHook() {}
};
} // namespace internal
class ChannelInterface {
public:
  virtual ~ChannelInterface() {}
  virtual grpc_connectivity_state GetState(bool try_to_connect) = 0;
  template <typename T>
  bool WaitForStateChange(grpc_connectivity_state last_observed, T deadline);
  template <typename T> bool WaitForConnected(T deadline);
};
namespace internal {
template <class InputMessage, class OutputMessage>
Status BlockingUnaryCall(ChannelInterface *channel, const RpcMethod &method,
                         grpc::ClientContext *context,
                         const InputMessage &request, OutputMessage *result);
} // namespace internal
} // namespace grpc
#endif
