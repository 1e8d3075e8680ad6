// Mock of gRPC C++'s umbrella header include/grpcpp/grpcpp.h.
#ifndef FORKSAFE_MOCK_GRPCPP_H
#define FORKSAFE_MOCK_GRPCPP_H
#include <grpcpp/channel.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#endif
