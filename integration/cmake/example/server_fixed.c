/* Each worker opens its own connection after the fork. */
#include "db.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      if (db_connect() != 0)
        _exit(1);
      printf("worker %d: %d orders\n", i, db_count_orders());
      _exit(0);
    }
  }
  while (wait(NULL) > 0) {
  }
  return 0;
}
