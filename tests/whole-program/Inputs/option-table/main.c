#include "options.h"
#include <unistd.h>
int main(void) {
  sqlite3_open("/var/lib/app.db", &db);
  if (fork() == 0) {
    execl(config_getstring(IMAPOPT_SENDMAIL), "sendmail", "-t", (char *)0);
    _exit(1);
  }
  sqlite3_exec(db, "SELECT 1", 0, 0, 0);
  return 0;
}
