#include <unistd.h>
#include "layer.h"

static conn_t *cache;

int main(void) {
#ifndef FIXED
  cache = conn_new("h");
#endif
  if (fork() == 0) {
#ifdef FIXED
    cache = conn_new("h");
#endif
    conn_query(cache, "SELECT 1");
    _exit(0);
  }
  return 0;
}
