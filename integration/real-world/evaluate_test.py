#!/usr/bin/env python3
"""Self-test of evaluate.py on synthetic labels and reports (not run by CI).

    python3 integration/real-world/evaluate_test.py

Checks the counts, precision and recall of a package and the total, the
de-duplication of a finding reported by two runs, the identity (first fork
note, last use/close note, paths relative to SRC), the exit status (2 with
unlabelled findings, 0 with --allow-unlabelled), that a missing or malformed
report and inconsistent labels are reported as errors of their package and
never as a traceback, --tag and --compare."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "evaluate.py")
SRC = "/tmp/eval-selftest-src/pkg-1.0"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def L(path, line):
    return {"file": f"{SRC}/{path}", "line": line, "column": 1}


def finding(handle, file, fork, use, check="forksafe-inherited-handle", kind="use", extra_use=None):
    notes = [{"kind": "created", "message": "created", "location": L(file, 10)},
             {"kind": "fork", "message": "fork", "location": L(*fork)},
             {"kind": "fork", "message": "a later fork", "location": L("other.c", 999)},
             {"kind": "child-call", "message": "call", "location": L("x.c", 1)}]
    if extra_use:
        notes.append({"kind": "use", "message": "first use", "location": L(*extra_use)})
    if use:
        notes.append({"kind": kind, "message": "use", "location": L(*use)})
    notes.append({"kind": "remedy", "message": "do this", "location": L(file, 10)})
    return {"check": check, "level": "warning", "message": f"'{handle}' is inherited",
            "location": L(file, 5), "handle": {"name": handle, "key": "c:@" + handle},
            "notes": notes, "fingerprint": "0"}


def report(findings, not_analysed=()):
    return {"format": "forksafe-report", "version": 1, "analysed": 3,
            "notAnalysed": [{"file": f"{SRC}/{f}", "reason": "errors"} for f in not_analysed],
            "findings": findings}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(data if isinstance(data, str) else json.dumps(data))


def run(*args):
    r = subprocess.run([sys.executable, EVAL] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    check("Traceback" not in r.stderr + r.stdout, f"no traceback for {args}:\n{r.stderr}")
    return r


with tempfile.TemporaryDirectory() as t:
    rep, pkgs, work = (os.path.join(t, d) for d in ("reports", "packages", "work"))

    # pkg: 5 distinct findings (one reported twice), 2 true, 2 false, 1 unlabelled;
    # 3 expected, 1 of them found by both true findings, 1 hit only by a false
    # verdict (does not count), 1 never reported
    a = finding("g_db", "db.c", ("main.c", 40), ("worker.c", 7), extra_use=("worker.c", 3))
    b = finding("g_db", "db.c", ("main.c", 40), ("worker.c", 9), check="forksafe-inherited-handle-close",
                kind="close")
    c = finding("conn", "pool.c", ("main.c", 41), ("pool.c", 70))
    d = finding("conn", "pool.c", ("main.c", 41), None)          # no use note: use "-"
    e = finding("curl", "http.c", ("main.c", 42), ("http.c", 3))  # unlabelled
    write(f"{rep}/pkg/mod1.json", report([a, b, c]))
    write(f"{rep}/pkg/mod2.json", report([a, d, e], not_analysed=["broken.c"]))
    write(f"{rep}/pkg/summary.txt", "not a report")
    write(f"{rep}/pkg.meta.json", {"id": "pkg", "package": "pkg", "version": "1.0-1", "src": SRC,
                                   "build_rc": 0, "analyse_rc": 0, "log": "/dev/null"})
    write(f"{pkgs}/pkg/labels.json", {
        "package": "pkg", "version": "1.0-1", "notes": "synthetic",
        "expected": [{"id": "pkg-1", "check": "forksafe-inherited-handle", "handle": "g_db",
                      "file": "db.c", "why": "x"},
                     {"id": "pkg-2", "check": "forksafe-inherited-handle", "handle": "conn",
                      "file": "pool.c", "why": "x"},
                     {"id": "pkg-3", "check": "forksafe-inherited-handle", "handle": "never",
                      "file": "n.c", "why": "x"}],
        "findings": [
            {"check": "forksafe-inherited-handle", "handle": "g_db", "file": "db.c",
             "fork": "main.c:40", "use": "worker.c:7", "verdict": "true", "expected": "pkg-1",
             "reason": "r", "seen": ["before"]},
            {"check": "forksafe-inherited-handle-close", "handle": "g_db", "file": "db.c",
             "fork": "main.c:40", "use": "worker.c:9", "verdict": "true", "expected": "pkg-1",
             "reason": "r", "seen": ["before"]},
            {"check": "forksafe-inherited-handle", "handle": "conn", "file": "pool.c",
             "fork": "main.c:41", "use": "pool.c:70", "verdict": "false", "expected": None,
             "reason": "r", "seen": ["before"]},
            {"check": "forksafe-inherited-handle", "handle": "conn", "file": "pool.c",
             "fork": "main.c:41", "use": "-", "verdict": "false", "expected": None,
             "reason": "r", "seen": ["before"]},
            {"check": "forksafe-inherited-handle", "handle": "gone", "file": "g.c",
             "fork": "-", "use": "-", "verdict": "false", "expected": None,
             "reason": "no longer reported", "seen": ["before"]}]})

    # clean: all labelled, no expected: precision 100 %, recall n/a
    write(f"{rep}/clean/all.json", report([c]))
    write(f"{rep}/clean.meta.json", {"id": "clean", "src": SRC, "build_rc": 0, "analyse_rc": 0})
    write(f"{pkgs}/clean/labels.json", {"package": "clean", "expected": [], "findings": [
        {"check": "forksafe-inherited-handle", "handle": "conn", "file": "pool.c",
         "fork": "main.c:41", "use": "pool.c:70", "verdict": "false", "expected": None,
         "reason": "r", "seen": ["before"]}]})

    r = run("--reports", rep, "--packages", pkgs, "--work", work, "--json", "--tag", "one",
            "pkg", "clean")
    check(r.returncode == 2, f"exit 2 with an unlabelled finding, got {r.returncode}")
    s = json.loads(r.stdout)
    p = s["packages"]["pkg"]
    want = {"findings": 5, "true": 2, "false": 2, "unlabelled": 1, "expected": 3, "found": 1,
            "missed": 2, "not_analysed": 1, "labels_not_reported": 1}
    for k, v in want.items():
        check(p[k] == v, f"pkg {k} = {p[k]}, want {v}")
    check(p["precision"] is not None and abs(p["precision"] - 0.5) < 1e-9, f"pkg precision {p['precision']}")
    check(p["recall"] is not None and abs(p["recall"] - 1 / 3) < 1e-9, f"pkg recall {p['recall']}")
    check(p["missed_ids"] == ["pkg-2", "pkg-3"], f"missed ids {p['missed_ids']}")
    check(p["errors"] == [], f"pkg has no error: {p['errors']}")
    q = s["packages"]["clean"]
    check(q["precision"] == 0.0 and q["recall"] is None, f"clean: {q['precision']} {q['recall']}")
    tot = s["total"]
    check((tot["findings"], tot["true"], tot["false"], tot["expected"], tot["found"]) == (6, 2, 3, 3, 1),
          f"total {tot}")
    check(tot["precision"] is not None and abs(tot["precision"] - 0.4) < 1e-9, f"total precision over findings {tot['precision']}")
    check("UNLABELLED forksafe-inherited-handle  handle=curl  file=http.c  fork=main.c:42  use=http.c:3"
          in r.stderr, "the unlabelled finding is printed with its identity")
    check("http.c:3: use: use" in r.stderr, "its notes are printed, paths relative")
    check(os.path.exists(f"{work}/results-one.json"), "--tag writes results-one.json")

    r = run("--reports", rep, "--packages", pkgs, "--work", work, "--allow-unlabelled", "pkg")
    check(r.returncode == 0, f"--allow-unlabelled: exit 0, got {r.returncode}")
    check("total" in r.stdout and "50 %" in r.stdout, "the table is printed")

    # a second tag without the unlabelled finding, and --compare
    write(f"{rep}/pkg/mod2.json", report([a, d]))
    r = run("--reports", rep, "--packages", pkgs, "--work", work, "--tag", "two", "pkg")
    check(r.returncode == 0, f"all labelled: exit 0, got {r.returncode}\n{r.stdout}")
    r = run("--work", work, "--compare", "one", "two")
    check(r.returncode == 0 and "5 > 4" in r.stdout, f"--compare shows 5 > 4:\n{r.stdout}")
    check("only in one: unlabelled: forksafe-inherited-handle curl" in r.stdout,
          "--compare lists the finding gone")
    r = run("--work", work, "--compare", "one", "nosuchtag")
    check(r.returncode == 1 and "results-nosuchtag.json" in r.stderr, "--compare of a missing tag")

    # --tag with some packages keeps the others of the same tag and forksafe
    run("--reports", rep, "--packages", pkgs, "--work", work, "--tag", "m", "--forksafe", "F1", "pkg")
    run("--reports", rep, "--packages", pkgs, "--work", work, "--tag", "m", "--forksafe", "F1", "clean")
    m = json.load(open(f"{work}/results-m.json"))
    check(sorted(m["packages"]) == ["clean", "pkg"] and m["total"]["findings"] == 5,
          f"merged tag: {sorted(m['packages'])} {m['total'].get('findings')}")
    run("--reports", rep, "--packages", pkgs, "--work", work, "--tag", "m", "--forksafe", "F2", "clean")
    m = json.load(open(f"{work}/results-m.json"))
    check(sorted(m["packages"]) == ["clean"], f"another forksafe starts afresh: {sorted(m['packages'])}")

    # errors: malformed report, missing report, package not run, inconsistent labels
    write(f"{rep}/bad/truncated.json", '{"findings": [')
    write(f"{rep}/bad/list.json", "[1, 2]")
    write(f"{rep}/bad/weird.json", report([{"check": "x"}, c]))
    write(f"{rep}/bad.meta.json", {"id": "bad", "src": SRC, "build_rc": 0, "analyse_rc": 124})
    write(f"{pkgs}/bad/labels.json", {"expected": [], "findings": [
        {"check": "forksafe-inherited-handle", "handle": "conn", "file": "pool.c",
         "fork": "main.c:41", "use": "pool.c:70", "verdict": "true", "expected": "nope",
         "reason": "r"}]})
    os.makedirs(f"{rep}/empty")
    write(f"{rep}/empty.meta.json", {"id": "empty", "src": SRC, "build_rc": 0, "analyse_rc": 0})
    write(f"{pkgs}/badlabels/labels.json", "{not json")
    write(f"{rep}/badlabels/all.json", report([]))
    write(f"{rep}/badlabels.meta.json", "[]")
    r = run("--reports", rep, "--packages", pkgs, "--work", work, "--json", "--allow-unlabelled",
            "bad", "empty", "notrun", "badlabels")
    check(r.returncode == 1, f"errors: exit 1, got {r.returncode}")
    s = json.loads(r.stdout) if r.stdout.strip() else {"packages": {}}
    errs = {k: " | ".join(v["errors"]) for k, v in s["packages"].items()}
    check("truncated.json: malformed" in errs.get("bad", ""), f"truncated report: {errs.get('bad')}")
    check("list.json: malformed" in errs.get("bad", ""), "a report that is a list")
    check("finding #0 malformed" in errs.get("bad", ""), "a finding without a handle")
    check("(timeout)" in errs.get("bad", ""), "analyse timeout reported")
    check("expected id 'nope' does not exist" in errs.get("bad", ""), "true verdict, no such id")
    check(s["packages"].get("bad", {}).get("unlabelled") == 1, "the valid finding of bad is scored")
    check("no report" in errs.get("empty", ""), f"no report: {errs.get('empty')}")
    check("not run" in errs.get("notrun", ""), f"not run: {errs.get('notrun')}")
    check("cannot read" in errs.get("badlabels", "") and "malformed" in errs.get("badlabels", ""),
          f"bad labels and meta: {errs.get('badlabels')}")
    check("ERROR" in r.stderr, "errors are printed")

    r = run("--reports", rep, "--nosuchoption")
    check(r.returncode == 64, f"usage error: exit 64, got {r.returncode}")

print("evaluate_test.py: " + ("FAILED" if failures else "all checks passed"))
sys.exit(1 if failures else 0)
