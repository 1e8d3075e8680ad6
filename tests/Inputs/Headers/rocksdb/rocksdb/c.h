/* Mock of RocksDB's C API <rocksdb/c.h> (real names and signatures). */
#ifndef FORKSAFE_MOCK_ROCKSDB_C_H
#define FORKSAFE_MOCK_ROCKSDB_C_H
#include <stddef.h>
typedef struct rocksdb_t rocksdb_t;
typedef struct rocksdb_options_t rocksdb_options_t;
typedef struct rocksdb_readoptions_t rocksdb_readoptions_t;
typedef struct rocksdb_writeoptions_t rocksdb_writeoptions_t;
rocksdb_options_t *rocksdb_options_create(void);
void rocksdb_options_set_create_if_missing(rocksdb_options_t *, unsigned char);
rocksdb_readoptions_t *rocksdb_readoptions_create(void);
rocksdb_writeoptions_t *rocksdb_writeoptions_create(void);
rocksdb_t *rocksdb_open(const rocksdb_options_t *options, const char *name, char **errptr);
void rocksdb_close(rocksdb_t *db);
void rocksdb_put(rocksdb_t *db, const rocksdb_writeoptions_t *options, const char *key,
                 size_t keylen, const char *val, size_t vallen, char **errptr);
char *rocksdb_get(rocksdb_t *db, const rocksdb_readoptions_t *options, const char *key,
                  size_t keylen, size_t *vallen, char **errptr);
#endif
