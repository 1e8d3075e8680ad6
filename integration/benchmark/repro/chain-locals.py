#!/usr/bin/env python3
"""Reproducer: N functions in a call chain, each passing K locals by address
to an external function. No handle, no fork, no finding; link time grows
~cubically in N (Relevance propagates every argument variable to every
transitive caller).
Usage: chain-locals.py N K > locals.c; forksafe locals.c --"""
import sys
n, k = int(sys.argv[1]), int(sys.argv[2])
print("void sink(int *p);")
for i in range(n):
    print("void f%d(int d);" % i)
for i in range(n):
    locs = "".join("  int x%d = d; sink(&x%d);\n" % (j, j) for j in range(k))
    nxt = "  if (d) f%d(d - 1);\n" % (i + 1) if i + 1 < n else ""
    print("void f%d(int d) {\n%s%s}" % (i, locs, nxt))
print("int main(void) { f0(3); return 0; }")
