// Mock of SOCI's umbrella header include/soci/soci.h.
#ifndef FORKSAFE_MOCK_SOCI_H
#define FORKSAFE_MOCK_SOCI_H
#include <soci/session.h>
#endif
