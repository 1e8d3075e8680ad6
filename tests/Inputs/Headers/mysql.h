/* Mock of the MySQL/MariaDB C API: the declarations the rules name, with the
 * real signatures (mariadb-connector-c include/mysql.h). */
#ifndef FORKSAFE_MOCK_MYSQL_H
#define FORKSAFE_MOCK_MYSQL_H
typedef struct st_mysql MYSQL;
typedef struct st_mysql_res MYSQL_RES;
typedef char **MYSQL_ROW;
MYSQL *mysql_init(MYSQL *mysql);
MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                          const char *passwd, const char *db, unsigned int port,
                          const char *unix_socket, unsigned long clientflag);
int mysql_query(MYSQL *mysql, const char *q);
int mysql_real_query(MYSQL *mysql, const char *q, unsigned long length);
MYSQL_RES *mysql_store_result(MYSQL *mysql);
MYSQL_ROW mysql_fetch_row(MYSQL_RES *result);
void mysql_free_result(MYSQL_RES *result);
int mysql_ping(MYSQL *mysql);
int mysql_reset_connection(MYSQL *mysql);
int mysql_select_db(MYSQL *mysql, const char *db);
const char *mysql_error(MYSQL *mysql);
void mysql_close(MYSQL *sock);
#endif
