// Mock of <mongocxx/instance.hpp>: everything is in client.hpp.
#include <mongocxx/client.hpp>
