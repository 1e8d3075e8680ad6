// Mock of gRPC C++ include/grpcpp/security/credentials.h.
#ifndef FORKSAFE_MOCK_GRPCPP_CREDENTIALS_H
#define FORKSAFE_MOCK_GRPCPP_CREDENTIALS_H
#include <memory>
namespace grpc {
class ChannelCredentials {
public:
  virtual ~ChannelCredentials();
};
class ChannelArguments {
public:
  ChannelArguments();
  void SetInt(const std::string &key, int value);
};
std::shared_ptr<ChannelCredentials> InsecureChannelCredentials();
} // namespace grpc
#endif
