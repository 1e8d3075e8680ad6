/* Mock of LevelDB's C API <leveldb/c.h> (real names and signatures). */
#ifndef FORKSAFE_MOCK_LEVELDB_C_H
#define FORKSAFE_MOCK_LEVELDB_C_H
#include <stddef.h>
typedef struct leveldb_t leveldb_t;
typedef struct leveldb_options_t leveldb_options_t;
typedef struct leveldb_readoptions_t leveldb_readoptions_t;
typedef struct leveldb_writeoptions_t leveldb_writeoptions_t;
leveldb_options_t *leveldb_options_create(void);
void leveldb_options_set_create_if_missing(leveldb_options_t *, unsigned char);
leveldb_readoptions_t *leveldb_readoptions_create(void);
leveldb_writeoptions_t *leveldb_writeoptions_create(void);
leveldb_t *leveldb_open(const leveldb_options_t *options, const char *name, char **errptr);
void leveldb_close(leveldb_t *db);
void leveldb_put(leveldb_t *db, const leveldb_writeoptions_t *options, const char *key,
                 size_t keylen, const char *val, size_t vallen, char **errptr);
char *leveldb_get(leveldb_t *db, const leveldb_readoptions_t *options, const char *key,
                  size_t keylen, size_t *vallen, char **errptr);
#endif
