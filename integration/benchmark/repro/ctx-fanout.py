#!/usr/bin/env python3
"""Reproducer: N functions that each take a context pointer, branch on its
members and on G globals, and pass it (and the address of a member) on to
K random others, as git passes 'struct repository *' or option structs
everywhere. No handle, no finding. Before the budgets of
FlowGraphBuilder.h the deciding-value closure paired every member of the
parameter's memory with every call passing a parameter on, and
propagated transitive read/write sets through all functions: git's link
did not finish (docs/benchmark.md, session 6).
Usage: ctx-fanout.py N K G > fanout.c; forksafe fanout.c --
'ctx-fanout.py 20000 6 2000': 5.9 s, 463 MiB with the budgets; over 180 s
(killed) at commit 34232de, before them."""
import random
import sys

n, k, g = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(1)
print("struct sub { int pid, mode; };")
print("struct ctx { int flag, depth; struct sub sub; };")
print("int fork(void);")
for j in range(g):
    print("int g%d;" % j)
for i in range(n):
    print("void f%d(struct ctx *c, struct sub *s);" % i)
for i in range(n):
    body = ["  if (c->flag == %d || g%d) s->mode = %d;" % (i % 7, rnd.randrange(g), i % 5)]
    if i % 97 == 0:
        body.append("  s->pid = fork();")
    for _ in range(k):
        t = rnd.randrange(n)
        body.append("  if (c->depth > %d) f%d(c, &c->sub);" % (rnd.randrange(9), t))
    body.append("  g%d = s->mode;" % rnd.randrange(g))
    print("void f%d(struct ctx *c, struct sub *s) {\n%s\n}" % (i, "\n".join(body)))
print("int main(void) { struct ctx c = {0}; f0(&c, &c.sub); return c.sub.pid; }")
