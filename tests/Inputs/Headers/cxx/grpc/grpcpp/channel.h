// Mock of gRPC C++ include/grpcpp/channel.h.
#ifndef FORKSAFE_MOCK_GRPCPP_CHANNEL_H
#define FORKSAFE_MOCK_GRPCPP_CHANNEL_H
#include <grpcpp/impl/codegen/channel_interface.h>
namespace grpc {
class Channel final : public grpc::ChannelInterface,
                      public grpc::internal::CallHook,
                      public std::enable_shared_from_this<Channel> {
public:
  ~Channel() override;
  std::string GetLoadBalancingPolicyName() const;
  std::string GetServiceConfigJSON() const;
  grpc_connectivity_state GetState(bool try_to_connect) override;
private:
  Channel();
};
} // namespace grpc
#endif
