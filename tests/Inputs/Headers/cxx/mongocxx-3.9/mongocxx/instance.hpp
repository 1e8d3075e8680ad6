// Mock of <mongocxx/instance.hpp> (3.9): declared in client.hpp.
#include <mongocxx/client.hpp>
