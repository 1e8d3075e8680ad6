#include <mysql.h>
#include <stdlib.h>
#include "layer.h"

struct conn_rec {
  int refs;
  MYSQL *db;
};

static conn_t *make_conn(const char *server) {
  MYSQL *m = mysql_init(NULL);
  if (!mysql_real_connect(m, server, "u", "p", "d", 0, NULL, 0)) {
    mysql_close(m);
    return NULL;
  }
  conn_t *c = calloc(1, sizeof *c);
  c->db = m;
  c->refs = 1;
  return c;
}

conn_t *conn_new(const char *server) {
  conn_t *c = make_conn(server);
  if (c == NULL)
    return NULL;
  return c;
}

void conn_query(conn_t *c, const char *q) { mysql_query(c->db, q); }
