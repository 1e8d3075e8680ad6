#include <sqlite3.h>
enum imapopt { IMAPOPT_ZERO, IMAPOPT_SENDMAIL, IMAPOPT_OLDSENDMAIL, IMAPOPT_LAST };
struct imapopt_s {
  enum imapopt opt;
  const char *optname;
  const char *deprecated_since;
  const char *val;
};
extern struct imapopt_s imapopts[];
extern sqlite3 *db;
const char *config_getstring(enum imapopt opt);
void config_undeprecate(const char *name);
