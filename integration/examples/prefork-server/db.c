#include "db.h"

#include <stdio.h>

MYSQL *g_db;

int db_connect(const char *socket_path) {
  g_db = mysql_init(NULL);
  if (!mysql_real_connect(g_db, NULL, "app", "secret", "shop", 0, socket_path,
                          0)) {
    fprintf(stderr, "connect: %s\n", mysql_error(g_db));
    return -1;
  }
  return 0;
}
