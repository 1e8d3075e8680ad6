// Mock of <mongocxx/pool.hpp>: everything is in client.hpp.
#include <mongocxx/client.hpp>
