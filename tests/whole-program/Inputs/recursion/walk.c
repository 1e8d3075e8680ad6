#include <sqlite3.h>
extern sqlite3 *g_index;
void visit(int depth);
void walk(int depth) {
  if (depth > 0)
    visit(depth - 1);
  sqlite3_exec(g_index, "SELECT 1", 0, 0, 0);
}
