#include "db.h"
#include <unistd.h>
void serve(void);
int main(void) {
  db_open();
  if (fork() == 0) {
    serve();
    _exit(0);
  }
  return 0;
}
