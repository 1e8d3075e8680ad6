/* The master connects, then forks workers: every worker queries through the
   connection it inherited, so all of them share one socket. */
#include "db.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  if (db_connect() != 0)
    return 1;
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      printf("worker %d: %d orders\n", i, db_count_orders());
      _exit(0);
    }
  }
  while (wait(NULL) > 0) {
  }
  return 0;
}
