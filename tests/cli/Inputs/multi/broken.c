#include <libpq-fe.h>
void broken(void) { undeclared_function(42) }
