#include <sqlite3.h>
#include <unistd.h>
sqlite3 *g_index;
void walk(int depth);
void visit(int depth) { walk(depth); }
int main(void) {
  sqlite3_open("/tmp/index.db", &g_index);
  if (fork() == 0) {
    visit(10);
    _exit(0);
  }
  return 0;
}
