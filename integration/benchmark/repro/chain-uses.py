#!/usr/bin/env python3
"""Reproducer: N functions in a call chain, each querying the global MySQL
handle; main connects it and forks, the child calls f0. One finding; time
and memory grow ~cubically in N: every function summary keeps a pending
finding, with its whole note chain, for every use below it (f_i holds N-i
chains of up to N-i notes), though only the best one is reported.
Usage: chain-uses.py N > chain.c; forksafe chain.c -- -I."""
import sys
n = int(sys.argv[1])
print('#include "rt.h"\nMYSQL *g_db;')
for i in range(n):
    print("void f%d(int d);" % i)
for i in range(n):
    nxt = "  if (d) f%d(d - 1);\n" % (i + 1) if i + 1 < n else ""
    print('void f%d(int d) {\n%s  mysql_query(g_db, "SELECT %d");\n}' % (i, nxt, i))
print('''int main(void) {
  g_db = mysql_init(0);
  mysql_real_connect(g_db, "h", "u", "p", "db", 0, 0, 0);
  if (fork() == 0) { f0(10); _exit(0); }
  return 0;
}''')
