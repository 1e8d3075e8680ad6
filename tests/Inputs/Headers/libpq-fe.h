/* Mock of libpq's public header (postgresql src/interfaces/libpq/libpq-fe.h). */
#ifndef FORKSAFE_MOCK_LIBPQ_FE_H
#define FORKSAFE_MOCK_LIBPQ_FE_H
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
PGconn *PQconnectdb(const char *conninfo);
PGconn *PQsetdbLogin(const char *pghost, const char *pgport, const char *pgoptions,
                     const char *pgtty, const char *dbName, const char *login,
                     const char *pwd);
#define PQsetdb(M_PGHOST, M_PGPORT, M_PGOPT, M_PGTTY, M_DBNAME) \
  PQsetdbLogin(M_PGHOST, M_PGPORT, M_PGOPT, M_PGTTY, M_DBNAME, 0, 0)
ConnStatusType PQstatus(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
void PQclear(PGresult *res);
void PQreset(PGconn *conn);
void PQfinish(PGconn *conn);
#endif
