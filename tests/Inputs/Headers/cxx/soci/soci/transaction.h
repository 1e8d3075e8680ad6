// Mock of <soci/transaction.h>: declared in session.h.
#include <soci/session.h>
