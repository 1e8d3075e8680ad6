/* Mock of <mongoc/mongoc.h> (mongo-c-driver 1.x; real names and signatures,
 * bson types reduced to what the tests need). */
#ifndef FORKSAFE_MOCK_MONGOC_H
#define FORKSAFE_MOCK_MONGOC_H
#include <stdbool.h>
#include <stdint.h>
typedef struct _bson_t { uint32_t flags; uint32_t len; uint8_t padding[120]; } bson_t;
typedef struct _bson_error_t { uint32_t domain; uint32_t code; char message[504]; } bson_error_t;
typedef struct _mongoc_uri_t mongoc_uri_t;
typedef struct _mongoc_read_prefs_t mongoc_read_prefs_t;
typedef struct _mongoc_client_t mongoc_client_t;
typedef struct _mongoc_client_pool_t mongoc_client_pool_t;
typedef struct _mongoc_collection_t mongoc_collection_t;

void mongoc_init (void);
void mongoc_cleanup (void);
mongoc_uri_t *mongoc_uri_new (const char *uri_string);
void mongoc_uri_destroy (mongoc_uri_t *uri);

mongoc_client_t *mongoc_client_new (const char *uri_string);
mongoc_client_t *mongoc_client_new_from_uri (const mongoc_uri_t *uri);
bool mongoc_client_command_simple (mongoc_client_t *client, const char *db_name,
                                   const bson_t *command,
                                   const mongoc_read_prefs_t *read_prefs,
                                   bson_t *reply, bson_error_t *error);
mongoc_collection_t *mongoc_client_get_collection (mongoc_client_t *client,
                                                   const char *db,
                                                   const char *collection);
void mongoc_client_reset (mongoc_client_t *client);
void mongoc_client_destroy (mongoc_client_t *client);

mongoc_client_pool_t *mongoc_client_pool_new (const mongoc_uri_t *uri);
mongoc_client_t *mongoc_client_pool_pop (mongoc_client_pool_t *pool);
mongoc_client_t *mongoc_client_pool_try_pop (mongoc_client_pool_t *pool);
void mongoc_client_pool_push (mongoc_client_pool_t *pool, mongoc_client_t *client);
void mongoc_client_pool_destroy (mongoc_client_pool_t *pool);
#endif
