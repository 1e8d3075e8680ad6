#include <mysql.h>
#include <stddef.h>
void prefork(int n, void (*worker)(int));
static MYSQL *db;
static void worker_main(int id) {
  mysql_query(db, "SELECT 1");
  (void)id;
}
int main(void) {
  db = mysql_init(NULL);
  mysql_real_connect(db, "h", "u", "p", "d", 0, NULL, 0);
  prefork(4, worker_main);
  return 0;
}
