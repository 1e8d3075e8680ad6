// Mock of <mongocxx/uri.hpp>: everything is in client.hpp.
#include <mongocxx/client.hpp>
