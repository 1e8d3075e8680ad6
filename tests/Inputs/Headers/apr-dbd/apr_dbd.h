/* Mock of <apr_dbd.h> (apr-util 1.6 names and signatures). */
#ifndef FORKSAFE_MOCK_APR_DBD_H
#define FORKSAFE_MOCK_APR_DBD_H
typedef int apr_status_t;
typedef struct apr_pool_t apr_pool_t;
typedef struct apr_dbd_driver_t apr_dbd_driver_t;
typedef struct apr_dbd_t apr_dbd_t;
typedef struct apr_dbd_results_t apr_dbd_results_t;
typedef struct apr_dbd_prepared_t apr_dbd_prepared_t;
apr_status_t apr_pool_create_ex(apr_pool_t **newpool, apr_pool_t *parent,
                                void *abort_fn, void *allocator);
#define apr_pool_create(newpool, parent)                                     \
  apr_pool_create_ex(newpool, parent, 0, 0)
apr_status_t apr_dbd_init(apr_pool_t *pool);
apr_status_t apr_dbd_get_driver(apr_pool_t *pool, const char *name,
                                const apr_dbd_driver_t **driver);
apr_status_t apr_dbd_open(const apr_dbd_driver_t *driver, apr_pool_t *pool,
                          const char *params, apr_dbd_t **handle);
int apr_dbd_query(const apr_dbd_driver_t *driver, apr_dbd_t *handle,
                  int *nrows, const char *statement);
int apr_dbd_select(const apr_dbd_driver_t *driver, apr_pool_t *pool,
                   apr_dbd_t *handle, apr_dbd_results_t **res,
                   const char *statement, int random);
int apr_dbd_prepare(const apr_dbd_driver_t *driver, apr_pool_t *pool,
                    apr_dbd_t *handle, const char *query, const char *label,
                    apr_dbd_prepared_t **statement);
int apr_dbd_pvquery(const apr_dbd_driver_t *driver, apr_pool_t *pool,
                    apr_dbd_t *handle, int *nrows,
                    apr_dbd_prepared_t *statement, ...);
apr_status_t apr_dbd_close(const apr_dbd_driver_t *driver, apr_dbd_t *handle);
#endif
