/* Mock of OpenSIPS 3.x's database API, modelled on OpenSIPS 3.4's
 * db/db.h and db/db_con.h: 'db_func_t' (struct tag 'db_func', as in
 * Kamailio) whose init returns a 'db_con_t *' (Kamailio's is 'db1_con_t'). */
#ifndef FORKSAFE_MOCK_OPENSIPS_DB_H
#define FORKSAFE_MOCK_OPENSIPS_DB_H
#include "sr_module.h"
typedef struct {
  const str *table;
  unsigned long tail;
  struct query_list *ins_list;
  unsigned int flags;
} db_con_t;
typedef struct db_res db_res_t;
typedef str *db_key_t;
typedef const char *db_op_t;
typedef struct db_val db_val_t;
typedef int (*db_use_table_f)(db_con_t *_h, const str *_t);
typedef db_con_t *(*db_init_f)(const str *_sqlurl);
typedef void (*db_close_f)(db_con_t *_h);
typedef int (*db_query_f)(const db_con_t *_h, const db_key_t *_k,
                          const db_op_t *_op, const db_val_t *_v,
                          const db_key_t *_c, const int _n, const int _nc,
                          const db_key_t _o, db_res_t **_r);
typedef int (*db_raw_query_f)(const db_con_t *_h, const str *_s,
                              db_res_t **_r);
typedef int (*db_free_result_f)(db_con_t *_h, db_res_t *_r);
typedef int (*db_insert_f)(const db_con_t *_h, const db_key_t *_k,
                           const db_val_t *_v, const int _n);
typedef struct db_func {
  unsigned int cap;
  db_use_table_f use_table;
  db_init_f init;
  db_close_f close;
  db_query_f query;
  void *fetch_result;
  db_raw_query_f raw_query;
  db_free_result_f free_result;
  db_insert_f insert;
} db_func_t;
int db_bind_mod(const str *mod, db_func_t *dbf);
int db_check_table_version(db_func_t *dbf, db_con_t *dbh, const str *table,
                           const unsigned int version);
#endif
