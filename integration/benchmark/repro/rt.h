/* Generated: declarations the program needs, no system headers. */
typedef int pid_t;
pid_t fork(void);
void _exit(int) __attribute__((noreturn));
typedef struct st_mysql MYSQL;
MYSQL *mysql_init(MYSQL *);
MYSQL *mysql_real_connect(MYSQL *, const char *, const char *, const char *,
                          const char *, unsigned, const char *, unsigned long);
int mysql_query(MYSQL *, const char *);
void mysql_close(MYSQL *);
typedef void (*handler_fn)(int);
extern handler_fn g_handlers[];
