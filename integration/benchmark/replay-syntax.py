#!/usr/bin/env python3
"""Replay every entry of a compile_commands.json as 'clang-19 -fsyntax-only',
N at a time: the parsing baseline forksafe is compared with.

Each command keeps its flags, minus what only matters for producing output
('-c', '-o X', dependency-file flags: the same ones clang tooling strips), plus
'-fsyntax-only'; the compiler is replaced by --compiler. One entry per source
file (the first), as forksafe does.  Per TU, the peak RSS is taken from
wait4(); the summary goes to stdout as one JSON object:
  {"tus", "failed", "wall", "max_rss_kb", "max_rss_file", "failures": [...]}
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

DROP_WITH_ARG = {"-o", "-MF", "-MQ", "-MT"}
DROP = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM"}


def syntax_only(args, compiler):
    out = [compiler]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in DROP_WITH_ARG:
            skip = True
            continue
        if a in DROP or (a.startswith("-o") and len(a) > 2) or a.startswith("-MF"):
            continue
        out.append(a)
    out.append("-fsyntax-only")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-p", required=True, help="directory with compile_commands.json")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--compiler", default="clang-19")
    ap.add_argument("--per-tu", help="write 'rss_kb seconds file' lines here")
    a = ap.parse_args()
    with open(os.path.join(a.p, "compile_commands.json")) as f:
        db = json.load(f)
    seen, jobs = set(), []
    for e in db:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if path in seen:
            continue
        seen.add(path)
        args = e.get("arguments") or shlex.split(e["command"])
        jobs.append((e["directory"], path, syntax_only(args, a.compiler)))
    jobs.sort(key=lambda j: j[1])
    lock = threading.Lock()
    results = []

    def run(job):
        d, path, cmd = job
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=d, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        with lock:
            results.append((path, p.returncode, ru.ru_maxrss,
                            time.monotonic() - t0, err.decode(errors="replace")))

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=a.j) as ex:
        list(ex.map(run, jobs))
    wall = time.monotonic() - t0
    failed = [(p, rc, e.strip().splitlines()[-3:]) for (p, rc, _, _, e) in results if rc != 0]
    top = max(results, key=lambda r: r[2])
    if a.per_tu:
        with open(a.per_tu, "w") as f:
            for (p, rc, rss, secs, _) in sorted(results, key=lambda r: -r[2]):
                f.write("%d %.3f %s\n" % (rss, secs, p))
    json.dump({"tus": len(results), "failed": len(failed), "wall": round(wall, 2),
               "max_rss_kb": top[2], "max_rss_file": top[0],
               "failures": failed[:20]}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
