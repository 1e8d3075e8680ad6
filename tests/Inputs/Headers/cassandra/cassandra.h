/* Mock of the DataStax cpp-driver's <cassandra.h> (C API, real names and
 * signatures). The driver is not packaged in Debian: this mock is the only test. */
#ifndef FORKSAFE_MOCK_CASSANDRA_H
#define FORKSAFE_MOCK_CASSANDRA_H
#include <stddef.h>
typedef struct CassCluster_ CassCluster;
typedef struct CassSession_ CassSession;
typedef struct CassFuture_ CassFuture;
typedef struct CassStatement_ CassStatement;
typedef enum CassError_ { CASS_OK = 0 } CassError;
CassCluster *cass_cluster_new(void);
CassError cass_cluster_set_contact_points(CassCluster *cluster, const char *contact_points);
CassSession *cass_session_new(void);
void cass_session_free(CassSession *session);
CassFuture *cass_session_connect(CassSession *session, const CassCluster *cluster);
CassFuture *cass_session_close(CassSession *session);
CassFuture *cass_session_execute(CassSession *session, const CassStatement *statement);
CassStatement *cass_statement_new(const char *query, size_t parameter_count);
CassError cass_future_error_code(CassFuture *future);
void cass_future_free(CassFuture *future);
#endif
