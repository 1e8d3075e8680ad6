#include "handlers.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void send_item(int fd, long id) {
  char sql[128], out[256];
  snprintf(sql, sizeof sql, "SELECT id, name FROM items WHERE id = %ld", id);
  if (mysql_query(g_db, sql) != 0) { /* replies may belong to another worker */
    dprintf(fd, "HTTP/1.0 500 Error\r\n\r\n%s\n", mysql_error(g_db));
    return;
  }
  MYSQL_RES *res = mysql_store_result(g_db);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
  int n = snprintf(out, sizeof out, "%s %s\n", row ? row[0] : "-",
                   row ? row[1] : "-");
  dprintf(fd, "HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s", n, out);
  if (res)
    mysql_free_result(res);
}

void handle_client(int fd) {
  char req[512];
  ssize_t n = read(fd, req, sizeof req - 1);
  if (n <= 0)
    return;
  req[n] = '\0';
  const char *id = strstr(req, "id=");
  send_item(fd, id ? strtol(id + 3, NULL, 10) : 0);
}
