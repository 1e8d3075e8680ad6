// Mock of gRPC C++ include/grpcpp/create_channel.h.
#ifndef FORKSAFE_MOCK_GRPCPP_CREATE_CHANNEL_H
#define FORKSAFE_MOCK_GRPCPP_CREATE_CHANNEL_H
#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>
namespace grpc {
std::shared_ptr<Channel>
CreateChannel(const std::string &target,
              const std::shared_ptr<ChannelCredentials> &creds);
std::shared_ptr<Channel>
CreateCustomChannel(const std::string &target,
                    const std::shared_ptr<ChannelCredentials> &creds,
                    const ChannelArguments &args);
} // namespace grpc
#endif
