// KNOWN FALSE POSITIVE (exim's deliver_local(): the transport a local
// delivery runs is a local one, but its 'code' pointer, read through the
// instance's 'info' row of the static driver table, reaches every
// driver's entry point, the smtp transport's included, whose host checks
// run lookups on the connection the process holds). The branch on the
// row's 'local' column and the call through the same row's 'code' column
// are not correlated: the analysis would need the row (an unknown index
// into transports_available[]) as the value, so that 'info->local != 0'
// leaves only the local drivers' rows. The program is correct and must be
// silent; XFAIL until table rows reached through a pointer are values.
// XFAIL: *
// RUN: %forksafe %s -- -I%mocks | count 0
#include <mysql.h>
#include <stdlib.h>
#include <unistd.h>

MYSQL *g_conn;

struct transport_info {
  const char *driver_name;
  int local;
  int (*code)(const char *address);
};

static int appendfile_transport_entry(const char *address) { return 0; }

static int smtp_transport_entry(const char *address) {
  return mysql_query(g_conn, "SELECT host FROM relays");
}

static struct transport_info transports_available[] = {
    {"appendfile", 1, appendfile_transport_entry},
    {"smtp", 0, smtp_transport_entry},
};

struct transport_instance {
  const char *name;
  struct transport_info *info;
};

static void deliver_local(struct transport_instance *tp, const char *address) {
  if (!tp->info->local)
    return;
  if (fork() == 0) {
    _exit(tp->info->code(address));
  }
}

int main(int argc, char **argv) {
  g_conn = mysql_init(NULL);
  if (!mysql_real_connect(g_conn, "localhost", "exim", "secret", "mail", 0,
                          NULL, 0))
    return 1;
  /* The configuration names each instance's driver. */
  struct transport_instance tp = {"local_delivery",
                                  &transports_available[argc % 2]};
  deliver_local(&tp, argv[0]);
  return 0;
}
