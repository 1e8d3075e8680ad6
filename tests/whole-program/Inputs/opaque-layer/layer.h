/* The layer's handle type: opaque to its users (ProFTPD's pr_redis_t). */
typedef struct conn_rec conn_t;
conn_t *conn_new(const char *server);
void conn_query(conn_t *c, const char *q);
