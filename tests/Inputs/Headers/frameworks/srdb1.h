/* Mock of Kamailio's database API (src/lib/srdb1/db.h, db_con.h, and the
 * srdb2 calls from src/lib/srdb2/db_ctx.h, db_cmd.h): the names the rules
 * in rules/kamailio-srdb.json use, in the real headers' spelling (struct
 * tag 'db_func', typedef 'db1_con_t'). */
#ifndef FORKSAFE_MOCK_SRDB1_H
#define FORKSAFE_MOCK_SRDB1_H
typedef struct _str {
  char *s;
  int len;
} str;
typedef struct {
  const str *table;
  const char *tquote;
  unsigned long tail;
} db1_con_t;
typedef struct db1_res db1_res_t;
typedef str *db_key_t;
typedef const char *db_op_t;
typedef struct db_val db_val_t;
typedef db1_con_t *(*db_init_f)(const str *url);
typedef void (*db_close_f)(db1_con_t *h);
typedef int (*db_use_table_f)(db1_con_t *h, const str *t);
typedef int (*db_query_f)(const db1_con_t *h, const db_key_t *k,
                          const db_op_t *op, const db_val_t *v,
                          const db_key_t *c, const int n, const int nc,
                          const db_key_t o, db1_res_t **r);
typedef int (*db_raw_query_f)(const db1_con_t *h, const str *s,
                              db1_res_t **r);
typedef int (*db_free_result_f)(db1_con_t *h, db1_res_t *r);
typedef int (*db_insert_f)(const db1_con_t *h, const db_key_t *k,
                           const db_val_t *v, const int n);
typedef struct db_func {
  unsigned int cap;
  db_use_table_f use_table;
  db_init_f init;
  db_close_f close;
  db_query_f query;
  db_raw_query_f raw_query;
  db_free_result_f free_result;
  db_insert_f insert;
} db_func_t;
int db_bind_mod(const str *mod, db_func_t *dbf);
int db_check_table_version(db_func_t *dbf, db1_con_t *dbh, const str *table,
                           const unsigned int version);

/* srdb2 */
typedef struct db_ctx db_ctx_t;
typedef struct db_cmd db_cmd_t;
typedef struct db_res db_res_t;
typedef struct db_fld db_fld_t;
enum db_cmd_type { DB_PUT, DB_DEL, DB_GET, DB_UPD, DB_SQL };
db_ctx_t *db_ctx(const char *id);
int db_add_db(db_ctx_t *ctx, const char *uri);
int db_connect(db_ctx_t *ctx);
void db_disconnect(db_ctx_t *ctx);
void db_ctx_free(db_ctx_t *ctx);
db_cmd_t *db_cmd(enum db_cmd_type type, db_ctx_t *ctx, char *table,
                 db_fld_t *result, db_fld_t *match, db_fld_t *values);
int db_exec(db_res_t **res, db_cmd_t *cmd);
void db_cmd_free(db_cmd_t *cmd);
#endif
