#include <libpq-fe.h>
#include <unistd.h>
extern PGconn *g_conn;
void db_check(void);
void db_close(void);
void db_reopen(void);
int main(void) {
  db_check();
  db_close();
  if (fork() == 0) {
    db_reopen();
    PQexec(g_conn, "SELECT 2");
    _exit(0);
  }
  return 0;
}
