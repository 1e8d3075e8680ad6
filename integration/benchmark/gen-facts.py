#!/usr/bin/env python3
"""Generate synthetic forksafe facts files (one per translation unit) for
timing 'forksafe link' alone.

The layout follows checker/lib/Facts/FactsJson.cpp (facts version 6).  The
program looks like a large prefork server:

  * every TU has --funcs functions with small CFGs (branches, a loop back
    edge), calls to functions of the same TU and of other TUs, some indirect
    calls through a function-pointer type whose targets are address-taken
    functions spread over the program;
  * function 0 of TU i calls function 0 of TU i+1: call chains --chain TUs
    deep (the default, 1,000, is deeper than any real call graph);
  * recursion: every function 1 calls itself, and every 7th TU closes a
    cycle of 3 TUs (f1 of i -> f1 of i+1 -> f1 of i+2 -> f1 of i);
  * handles (MySQL, libpq, hiredis, SQLite globals, some struct members):
    one TU in --handle-every defines one, and TUs nearby connect, use and
    close it; uses in other TUs reference them as extern declarations;
  * forks: one TU in --fork-every has a function that forks, with the
    child/parent edges the extractor emits, the child calling into a chain
    and ending with _exit();
  * TU 0 has main(), which connects every handle through init functions and
    then calls the forking functions.

Sizes, compared with git 2.39's real facts (501 TUs: 10,296 distinct
functions after linking, ~20 per TU (164 per TU before header inline
functions are merged), 6.1 blocks and 1.4 events per function, 23 handle
events): the defaults give 10,000 TUs, 160,000 functions (16 per TU), ~8.5
blocks and ~4.8 events per function, so more calls per function and far more
handle events than git: a program where the database is used everywhere.

Usage: gen-facts.py OUT_DIR [--tus N] [--funcs N] [--seed N] ...
"""
import argparse
import json
import os
import random
import sys

LIBS = [
    # library, type, semantics, connect api, use api, close api
    ("mysql", "MYSQL *", "shared-socket", "mysql_real_connect", "mysql_query", "mysql_close"),
    ("libpq", "PGconn *", "shared-socket", "PQconnectdb", "PQexec", "PQfinish"),
    ("hiredis", "redisContext *", "shared-socket", "redisConnect", "redisCommand", "redisFree"),
    ("sqlite3", "sqlite3 *", "process-bound", "sqlite3_open", "sqlite3_exec", "sqlite3_close"),
]

FPTR_SIG = "void (struct request *)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--tus", type=int, default=10000)
    ap.add_argument("--funcs", type=int, default=16, help="functions per TU")
    ap.add_argument("--blocks", type=int, default=9, help="mean blocks per function")
    ap.add_argument("--chain", type=int, default=1000, help="TUs per call chain")
    ap.add_argument("--handle-every", type=int, default=20)
    ap.add_argument("--fork-every", type=int, default=250)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    N, F = a.tus, a.funcs

    def path(i):
        return "/src/synthetic/mod%03d/unit%05d.c" % (i // 100, i)

    def fusr(i, k):
        return "c:@F@u%05d_f%02d" % (i, k)

    def fname(i, k):
        return "u%05d_f%02d" % (i, k)

    # Handles: one per --handle-every TUs; every 4th is a struct member.
    handles = []
    for i in range(0, N, a.handle_every):
        lib = LIBS[(i // a.handle_every) % len(LIBS)]
        h = len(handles)
        var = "c:@g_conn%d" % h
        member = ".conn" if h % 4 == 3 else ""
        name = ("g_app%d.conn" % h) if member else ("g_conn%d" % h)
        if member:
            var = "c:@g_app%d" % h
        handles.append(dict(owner=i, lib=lib, var=var, path=member, name=name))

    def handle_near(i):
        return handles[min(i // a.handle_every, len(handles) - 1)]

    def ref(h):
        r = {"k": 0, "v": h["var"]}
        if h["path"]:
            r["m"] = h["path"]
        return r

    def hvar(h, i, definition):
        lib = h["lib"]
        j = {"key": h["var"] + h["path"], "name": h["name"], "type": lib[1],
             "lib": lib[0], "sem": lib[2], "l": [path(h["owner"]), 12, 8], "st": 0}
        if definition:
            j["def"] = True
        if h["path"]:
            j["path"] = h["path"]
        return j

    addr_taken = set((i, 3) for i in range(0, N, 13))
    addr_list = sorted(addr_taken)
    forkers = list(range(a.fork_every // 2, N, a.fork_every))
    total_fns = total_blocks = total_events = 0
    total_bytes = 0

    for i in range(N):
        file = path(i)
        line = [10]

        def loc(col=3):
            line[0] += rnd.randint(1, 4)
            return [file, line[0], col]

        used = {}
        fns = []
        for k in range(F):
            nb = max(3, int(rnd.gauss(a.blocks, 3)))
            blocks = [{"e": [], "s": []} for _ in range(nb)]
            # Block 0 is the entry, nb-1 the exit; a diamond and a loop.
            for b in range(nb - 1):
                succ = [b + 1]
                if b % 3 == 1 and b + 2 < nb:
                    succ.append(b + 2)
                if b % 5 == 4 and b > 1:
                    succ.append(b - 2)  # loop back edge
                blocks[b]["s"] = succ
            calls = []
            if k == 0 and (i + 1) % a.chain != 0 and i + 1 < N:
                calls.append((i + 1, 0))  # the deep chain
            if k == 1:
                calls.append((i, 1))  # self recursion
                if i % 7 == 0 and i + 2 < N:
                    calls.append((i + 1, 1))
                if i % 7 == 2:
                    calls.append((i - 2, 1))  # closes i-2 -> i-1 -> i -> i-2
                elif i % 7 == 1:
                    calls.append((i + 1, 1))
            for _ in range(rnd.randint(1, 4)):
                if rnd.random() < 0.6:
                    calls.append((i, rnd.randrange(k + 1, F) if k + 1 < F else F - 1))
                else:
                    calls.append((rnd.randrange(N), rnd.randrange(2, F)))
            for (ti, tk) in calls:
                b = rnd.randrange(nb - 1)
                blocks[b]["e"].append({"k": 7, "l": loc(), "c": fusr(ti, tk), "n": fname(ti, tk)})
            # Indirect calls through a request-handler pointer.
            if k == 2 and i % 3 == 0:
                blocks[1]["e"].append({"k": 7, "l": loc(), "n": "(*handler)", "s": FPTR_SIG})
            # Non-handle library calls the extractor keeps as calls (no body).
            for _ in range(rnd.randint(1, 3)):
                lib = rnd.choice(["strlen", "memcpy", "xmalloc", "strbuf_addf", "die"])
                blocks[rnd.randrange(nb - 1)]["e"].append(
                    {"k": 7, "l": loc(), "c": "c:@F@" + lib, "n": lib})
            # Handle events.
            h = handle_near(i)
            lib = h["lib"]
            if k == 4 and i == h["owner"]:
                blocks[1]["e"].append({"k": 2, "l": loc(), "r": ref(h), "api": lib[3], "lib": lib[0]})
                used[h["var"]] = (h, True)
            if k in (5, 6) and rnd.random() < 0.5:
                b = rnd.randrange(nb - 1)
                blocks[b]["e"].append({"k": 3, "l": loc(), "r": ref(h), "api": lib[4], "lib": lib[0]})
                used.setdefault(h["var"], (h, False))
            if k == 7 and rnd.random() < 0.05:
                blocks[nb - 2]["e"].append({"k": 4, "l": loc(), "r": ref(h), "api": lib[5], "lib": lib[0]})
                used.setdefault(h["var"], (h, False))
            # Handles passed as arguments (param-based uses).
            if k == 8:
                blocks[0]["e"].append({"k": 3, "l": loc(), "r": {"k": 2, "p": 0}, "api": lib[4], "lib": lib[0]})
            if k == 9 and rnd.random() < 0.3:
                blocks[0]["e"].append({"k": 7, "l": loc(), "c": fusr(i, 8), "n": fname(i, 8),
                                       "a": [[0, ref(h)]]})
                used.setdefault(h["var"], (h, False))
            fn = {"usr": fusr(i, k), "name": fname(i, k), "l": [file, line[0], 1],
                  "np": 1, "entry": 0, "exit": nb - 1, "b": blocks}
            if (i, k) in addr_taken:
                fn["addr"] = True
                fn["sig"] = FPTR_SIG
            fns.append(fn)
        # A forking function: fork, child calls a chain head and _exit()s.
        if i in forkers:
            target = (rnd.randrange(N // a.chain) * a.chain) if N >= a.chain else 0
            # 'pid = fork(); if (pid == 0) {child} else {parent}': the fork's
            # result in place 0, the branch labelled by its condition's value.
            blocks = [
                {"e": [{"k": 8, "l": loc(), "f": 0, "api": "fork", "n": "fork", "res": 0}],
                 "c": "==(p0,k0)", "s": [[1, 1], [3, 2]]},
                {"e": [{"k": 7, "l": loc(), "c": fusr(target, 0), "n": fname(target, 0)},
                       {"k": 7, "l": loc(), "c": fusr(i, 5), "n": fname(i, 5)}], "s": [2]},
                {"e": [{"k": 9, "l": loc(), "x": 1, "api": "_exit"}], "s": [4]},
                {"e": [{"k": 7, "l": loc(), "c": fusr(i, 6), "n": fname(i, 6)}], "s": [0, 4]},
                {"e": [], "s": []},
            ]
            usr = "c:@F@spawn_worker%05d" % i
            fns.append({"usr": usr, "name": "spawn_worker%05d" % i,
                        "l": [file, line[0], 1], "np": 0, "entry": 0, "exit": 4, "b": blocks,
                        "pl": [{"k": 1, "v": usr + "@pid"}]})
        if i == 0:
            ev = []
            for h in handles:
                ev.append({"k": 7, "l": loc(), "c": fusr(h["owner"], 4), "n": fname(h["owner"], 4)})
            for j in forkers:
                ev.append({"k": 7, "l": loc(), "c": "c:@F@spawn_worker%05d" % j,
                           "n": "spawn_worker%05d" % j})
            fns.append({"usr": "c:@F@main", "name": "main", "l": [file, 3, 1], "np": 2,
                        "main": True, "entry": 0, "exit": 2,
                        "b": [{"e": ev[:len(handles)], "s": [1]},
                              {"e": ev[len(handles):], "s": [2, 1]}, {"e": [], "s": []}]})
        hs = [hvar(h, i, i == h["owner"]) for (h, _) in used.values()]
        for h in handles:
            if h["owner"] == i and h["var"] not in used:
                hs.append(hvar(h, i, True))
        doc = {"forksafe-facts": 7, "main": file, "functions": fns, "handles": hs}
        text = json.dumps(doc, separators=(",", ":"))
        total_bytes += len(text)
        total_fns += len(fns)
        for fn in fns:
            total_blocks += len(fn["b"])
            total_events += sum(len(b["e"]) for b in fn["b"])
        with open(os.path.join(a.out, "%016x.facts.json" % i), "w") as f:
            f.write(text)
    print("gen-facts: %d TUs, %d functions, %d blocks, %d events, %d handles, "
          "%d forking functions, %.1f MB of facts in %s"
          % (N, total_fns, total_blocks, total_events, len(handles), len(forkers),
             total_bytes / 1e6, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
