// Constants that do not fit in int64_t (unsigned 64-bit values with the top
// bit set, 128-bit integers) in conditions, case labels, global initialisers
// and clone() flags are unknown values, not a crash: a checker built with
// assertions once aborted on them. The handle is inherited either way.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks | FileCheck %s --implicit-check-not="{{warning|note}}:"
#include <mysql.h>
#include <unistd.h>

unsigned long long g_mask = ~0ULL;
__int128 g_wide = (__int128)1 << 100;
MYSQL *g_db;
// CHECK: [[@LINE-1]]:8: warning: 'g_db' (MySQL/MariaDB C API) is connected when the process forks with fork() and is used in the child process

int main(int argc, char **argv) {
  unsigned long long v = (unsigned long long)argc * 0x9E3779B97F4A7C15ULL;
  g_db = mysql_init(0);
  mysql_real_connect(g_db, "h", "u", "p", "d", 0, 0, 0);
  // CHECK: [[@LINE-1]]:3: note: 'g_db' connected here by mysql_real_connect()
  switch (v) {
  case 0xFFFFFFFFFFFFFFFFULL:
    return 2;
  default:
    break;
  }
  if (v == 0x8000000000000000ULL || g_wide == ((__int128)1 << 100))
    argc++;
  if (fork() == 0) {
    // CHECK: [[@LINE-1]]:7: note: fork() forks here; the child inherits 'g_db'
    mysql_query(g_db, "SELECT 1");
    // CHECK: [[@LINE-1]]:5: note: 'g_db' used here in the child process by mysql_query()
    // CHECK: :11:8: note: create the handle lazily in each process
    _exit(0);
  }
  return g_mask == 0;
}
