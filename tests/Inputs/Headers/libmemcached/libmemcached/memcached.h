/* Mock of <libmemcached/memcached.h> (libmemcached-1.0 API, real signatures). */
#ifndef FORKSAFE_MOCK_MEMCACHED_H
#define FORKSAFE_MOCK_MEMCACHED_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
typedef struct memcached_st memcached_st;
typedef enum { MEMCACHED_SUCCESS } memcached_return_t;
memcached_st *memcached_create(memcached_st *ptr);
memcached_st *memcached(const char *string, size_t string_length);
memcached_st *memcached_clone(memcached_st *destination, const memcached_st *source);
memcached_return_t memcached_server_add(memcached_st *ptr, const char *hostname, unsigned short port);
char *memcached_get(memcached_st *ptr, const char *key, size_t key_length, size_t *value_length,
                    uint32_t *flags, memcached_return_t *error);
memcached_return_t memcached_set(memcached_st *ptr, const char *key, size_t key_length,
                                 const char *value, size_t value_length, time_t expiration,
                                 uint32_t flags);
typedef struct memcached_stat_st memcached_stat_st;
memcached_stat_st *memcached_stat(memcached_st *ptr, char *args, memcached_return_t *error);
void memcached_quit(memcached_st *ptr);
void memcached_free(memcached_st *ptr);
#endif
