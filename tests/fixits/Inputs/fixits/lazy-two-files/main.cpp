#include "db.h"
#include <unistd.h>

int main() {
  for (int item = 0; item < 8; ++item)
    if (fork() == 0) {
      restock(item);
      _exit(0);
    }
  return db.is_open() ? 0 : 1;
}
