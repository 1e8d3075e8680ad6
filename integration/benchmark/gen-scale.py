#!/usr/bin/env python3
"""Generate a large C program for forksafe's scale test: --tus files of
--funcs functions each (default 5,000 x 10 = 50,000 functions), real C that
clang parses, and a compile_commands.json.

  * every TU defines --globals int globals and one static (55,000 by default)
    and reads/writes some of other TUs';
  * f0 of TU i calls f0 of TU i+1: call chains --chain TUs deep;
  * recursion: f1 is self-recursive, and every 7th TU starts a 3-TU cycle of
    f1s (i -> i+1 -> i+2 -> i);
  * f2..f9 call random functions of the same and other TUs; f3 of every 13th
    TU is address-taken and called through a function pointer elsewhere;
  * one TU in --handle-every defines a global MYSQL handle; the init
    function of that TU connects it, nearby TUs query it;
  * TU 0 has main(): connects every handle, forks one child per chain head
    (the child runs the chain and _exit()s). So there are findings: handles
    connected before fork() and queried in the child.

The files include only a small generated header (no system headers), so
parsing is quick. Usage: gen-scale.py OUT_DIR [--tus N] [--funcs N] ...
"""
import argparse
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--tus", type=int, default=5000)
    ap.add_argument("--funcs", type=int, default=10)
    ap.add_argument("--globals", type=int, default=10)
    ap.add_argument("--chain", type=int, default=500)
    ap.add_argument("--handle-every", type=int, default=50)
    ap.add_argument("--compiler", default="clang-19")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    N, F = a.tus, a.funcs
    out = os.path.abspath(a.out)
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    with open(os.path.join(out, "src", "rt.h"), "w") as h:
        h.write("""/* Generated: declarations the program needs, no system headers. */
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
""")
    fn = lambda i, k: "u%04d_f%d" % (i, k)
    handle_tus = list(range(0, N, a.handle_every))
    hname = lambda t: "g_db%04d" % t
    addr = [i for i in range(0, N, 13)]
    db = []
    for i in range(N):
        lines = ['#include "rt.h"', ""]
        decls, body = set("void %s(int);" % fn(i, k) for k in range(F)), []
        gl = ["g%04d_%d" % (i, g) for g in range(a.globals)]
        lines.append("int %s;" % ", ".join(gl))
        lines.append("static int s_count;")
        owner = handle_tus[min(i // a.handle_every, len(handle_tus) - 1)]
        if i == owner:
            lines.append("MYSQL *%s;" % hname(owner))
        else:
            decls.add("extern MYSQL *%s;" % hname(owner))
        for k in range(F):
            b = []
            if k == 0:
                if (i + 1) % a.chain != 0 and i + 1 < N:
                    decls.add("void %s(int);" % fn(i + 1, 0))
                    b.append("  if (n > 0) %s(n - 1);" % fn(i + 1, 0))
                b.append("  if (n > 5) %s(n - 1);" % fn(i, 2))  # into the random call graph
                b.append("  s_count += n;")
            elif k == 1:
                b.append("  if (n > 1) %s(n / 2);" % fn(i, 1))
                nxt = None
                if i % 7 in (0, 1) and i + 1 < N:
                    nxt = i + 1
                elif i % 7 == 2:
                    nxt = i - 2
                if nxt is not None:
                    decls.add("void %s(int);" % fn(nxt, 1))
                    b.append("  if (n > 2) %s(n - 3);" % fn(nxt, 1))
            else:
                for _ in range(rnd.randint(1, 3)):
                    if rnd.random() < 0.5 and k + 1 < F:
                        t = (i, rnd.randrange(k + 1, F))
                    else:
                        t = (rnd.randrange(N), rnd.randrange(2, F))
                    if t[0] != i:
                        decls.add("void %s(int);" % fn(*t))
                    b.append("  if (n > %d) %s(n - 1);" % (rnd.randint(0, 9), fn(*t)))
                j = rnd.randrange(N)
                if j != i:
                    decls.add("extern int g%04d_%d;" % (j, k % a.globals))
                b.append("  g%04d_%d += n; %s = g%04d_%d;" % (j, k % a.globals, gl[k % a.globals], j, k % a.globals))
                if k == 5 and rnd.random() < 0.5:
                    b.append('  if (n == 42) mysql_query(%s, "SELECT 1");' % hname(owner))
                if k == 6 and i % 3 == 0:
                    b.append("  if (n > 7) g_handlers[n %% %d](n - 1);" % len(addr))
            if k == 4 and i == owner:
                b.append("  %s = mysql_init(0);" % hname(owner))
                b.append('  mysql_real_connect(%s, "db", "u", "p", "app", 0, 0, 0);' % hname(owner))
            body.append("void %s(int n) {\n%s\n}\n" % (fn(i, k), "\n".join(b)))
        if i == 0:
            decls.update("void %s(int);" % fn(t, 4) for t in handle_tus)
            decls.update("void %s(int);" % fn(t, 3) for t in addr)
            body.append("handler_fn g_handlers[] = {%s};\n" % ", ".join(fn(t, 3) for t in addr))
            m = ["int main(void) {"]
            m += ["  %s(0);" % fn(t, 4) for t in handle_tus]
            heads = list(range(0, N, a.chain))
            decls.update("void %s(int);" % fn(t, 0) for t in heads)
            for t in heads:
                m.append("  if (fork() == 0) { %s(1000); _exit(0); }" % fn(t, 0))
            m.append("  return 0;\n}\n")
            body.append("\n".join(m))
        path = os.path.join(out, "src", "m%02d" % (i // 100), "u%04d.c" % i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("\n".join(lines[:2] + sorted(decls) + lines[2:]) + "\n\n" + "\n".join(body))
        db.append({"directory": out, "file": path,
                   "arguments": [a.compiler, "-c", "-O2", "-I", os.path.join(out, "src"),
                                 "-o", path[:-2] + ".o", path]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    # Every handle is connected in main before the forks and queried in a
    # child (reachable through the chains and the random call graph): one
    # finding each. scale.sh checks the count.
    with open(os.path.join(out, "expected-findings"), "w") as f:
        f.write("%d\n" % len(handle_tus))
    print("gen-scale: %d TUs, %d functions, %d globals, %d handles in %s"
          % (N, N * F + 1, N * (a.globals + 1) + len(handle_tus), len(handle_tus), out))


if __name__ == "__main__":
    main()
