// Mock of gRPC C++ include/grpcpp/server_builder.h.
#ifndef FORKSAFE_MOCK_GRPCPP_SERVER_BUILDER_H
#define FORKSAFE_MOCK_GRPCPP_SERVER_BUILDER_H
#include <grpcpp/server.h>
namespace grpc {
class Service;
class ServerCredentials {
public:
  virtual ~ServerCredentials();
};
std::shared_ptr<ServerCredentials> InsecureServerCredentials();
class ServerBuilder {
public:
  ServerBuilder();
  virtual ~ServerBuilder();
  ServerBuilder &AddListeningPort(const std::string &addr_uri,
                                  std::shared_ptr<ServerCredentials> creds,
                                  int *selected_port = nullptr);
  ServerBuilder &RegisterService(Service *service);
  virtual std::unique_ptr<Server> BuildAndStart();
};
} // namespace grpc
#endif
