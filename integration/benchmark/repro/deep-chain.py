#!/usr/bin/env python3
"""Reproducer: a call chain N deep (f0 -> f1 -> ... -> f{N-1}); main connects a
global MYSQL handle and forks, the child calls f0, the last function queries
the handle. N <= 3000: one finding; N = 5000: forksafe dies with SIGSEGV
(stack overflow: HandleAnalysis::analyze recurses once per call level).
Usage: deep-chain.py N > deep.c; forksafe deep.c -- -I."""
import sys
n = int(sys.argv[1])
print('#include "rt.h"\nMYSQL *g_db;')
for i in range(n):
    print("void f%d(int d);" % i)
for i in range(n - 1):
    print('void f%d(int d) { if (d) f%d(d - 1); }' % (i, i + 1))
print('void f%d(int d) { mysql_query(g_db, "SELECT 1"); }' % (n - 1))
print('''int main(void) {
  g_db = mysql_init(0);
  mysql_real_connect(g_db, "h", "u", "p", "db", 0, 0, 0);
  if (fork() == 0) { f0(10); _exit(0); }
  return 0;
}''')
