#include <unistd.h>
void init_db(void);
void handle_request(int id);
int main(void) {
  init_db();
  for (int i = 0; i < 4; ++i)
    if (fork() == 0) {
      handle_request(i);
      _exit(0);
    }
  return 0;
}
