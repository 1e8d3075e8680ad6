#!/usr/bin/env python3
"""Score forksafe's reports on real packages against their labels.

    evaluate.py --reports DIR [--packages DIR] [--tag NAME] [--work DIR]
                [--allow-unlabelled] [--json] [--stubs] [PACKAGE...]
    evaluate.py --compare A B [--work DIR]

--reports DIR holds, for each package ID that evaluate.sh ran:
  DIR/ID/*.json        forksafe --format=json reports (other files are ignored)
  DIR/ID.meta.json     {"id", "package", "version", "src", "build_rc",
                        "analyse_rc", "log", ...} written by evaluate.sh
--packages DIR holds DIR/ID/labels.json (default: packages/ next to this file).

Findings are identified by (check, handle.name, location.file, fork, use),
paths relative to the package's SRC: fork is the first note of kind 'fork',
use the last note of kind 'use' or 'close' ('-' if none). See README.md.

Exit status: 0 all labelled and no error; 2 unlabelled findings remain (and
--allow-unlabelled is not given); 1 otherwise when a package has an error
(build or analysis failed, a report is missing or malformed, the labels are
inconsistent); 64 bad invocation. Python standard library only."""
import argparse
import datetime
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLS = ["findings", "true", "false", "unlabelled", "expected", "found", "missed",
        "precision", "recall"]


class Usage(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"evaluate.py: {message}", file=sys.stderr)
        sys.exit(64)


# --- reading ------------------------------------------------------------------------

def rel(path, src):
    """PATH relative to SRC when it lies under it, else unchanged."""
    if not isinstance(path, str):
        return "?"
    if src:
        s = src.rstrip("/") + "/"
        if path.startswith(s):
            return path[len(s):]
    return path


def loc(location, src):
    if not isinstance(location, dict):
        return "-"
    return f"{rel(location.get('file'), src)}:{location.get('line', '?')}"


def identity(f, src):
    """The identity of a finding (a dict from a report), or raise ValueError."""
    if not isinstance(f, dict):
        raise ValueError("not an object")
    check = f.get("check")
    handle = f.get("handle")
    location = f.get("location")
    notes = f.get("notes", [])
    if not isinstance(check, str):
        raise ValueError("no 'check'")
    if not isinstance(handle, dict) or not isinstance(handle.get("name"), str):
        raise ValueError("no 'handle.name'")
    if not isinstance(location, dict) or not isinstance(location.get("file"), str):
        raise ValueError("no 'location.file'")
    if not isinstance(notes, list) or not all(isinstance(n, dict) for n in notes):
        raise ValueError("'notes' is not a list of objects")
    fork = next((loc(n.get("location"), src) for n in notes if n.get("kind") == "fork"), "-")
    use = next((loc(n.get("location"), src) for n in reversed(notes)
                if n.get("kind") in ("use", "close")), "-")
    return (check, handle["name"], rel(location["file"], src), fork, use)


def key_of(entry):
    return tuple(entry.get(k) for k in ("check", "handle", "file", "fork", "use"))


def read_json(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_labels(path, errors):
    """(labels dict, {identity: verdict entry}, {expected id: entry}).
    Problems are appended to ERRORS; a malformed file gives empty labels."""
    empty = ({}, {}, {})
    if not os.path.exists(path):
        return empty
    try:
        labels = read_json(path)
    except (OSError, ValueError) as e:
        errors.append(f"labels {path}: cannot read: {e}")
        return empty
    if not isinstance(labels, dict):
        errors.append(f"labels {path}: not a JSON object")
        return empty
    expected, verdicts = {}, {}
    exp_list = labels.get("expected", [])
    fnd_list = labels.get("findings", [])
    if not isinstance(exp_list, list) or not isinstance(fnd_list, list):
        errors.append(f"labels {path}: 'expected' and 'findings' must be lists")
        return empty
    for i, e in enumerate(exp_list):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            errors.append(f"labels: expected[{i}] has no string 'id'")
            continue
        if e["id"] in expected:
            errors.append(f"labels: expected id {e['id']!r} is defined twice")
        expected[e["id"]] = e
    for i, v in enumerate(fnd_list):
        if not isinstance(v, dict):
            errors.append(f"labels: findings[{i}] is not an object")
            continue
        k = key_of(v)
        what = f"labels: findings[{i}] ({v.get('handle')}, {v.get('use')})"
        if not all(isinstance(x, str) for x in k):
            errors.append(f"{what}: check, handle, file, fork and use must be strings")
            continue
        verdict = v.get("verdict")
        if verdict not in ("true", "false"):
            errors.append(f"{what}: verdict must be \"true\" or \"false\", not {verdict!r}")
            continue
        if verdict == "true":
            if v.get("expected") not in expected:
                errors.append(f"{what}: true verdict whose expected id "
                              f"{v.get('expected')!r} does not exist")
                continue
        elif v.get("expected") is not None:
            errors.append(f"{what}: a false verdict names expected {v.get('expected')!r}")
        if not v.get("reason"):
            errors.append(f"{what}: no reason")
        if k in verdicts:
            errors.append(f"{what}: the same finding is labelled twice")
            continue
        verdicts[k] = v
    return labels, verdicts, expected


def load_reports(out_dir, src, errors, warnings):
    """{identity: finding} over every report in OUT_DIR, and the count of
    translation units not analysed."""
    found, not_analysed = {}, 0
    files = sorted(glob.glob(os.path.join(out_dir, "*.json")))
    if not files:
        errors.append(f"no report (no *.json in {out_dir})")
    for fn in files:
        name = os.path.basename(fn)
        try:
            report = read_json(fn)
        except (OSError, ValueError) as e:
            errors.append(f"report {name}: malformed: {e}")
            continue
        if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
            errors.append(f"report {name}: malformed: not a forksafe report (no 'findings' list)")
            continue
        na = report.get("notAnalysed", [])
        if isinstance(na, list) and na:
            not_analysed += len(na)
            for t in na[:3]:
                if isinstance(t, dict):
                    warnings.append(f"report {name}: not analysed: {rel(t.get('file'), src)}: "
                                    f"{str(t.get('reason', ''))[:160]}")
        for i, f in enumerate(report["findings"]):
            try:
                k = identity(f, src)
            except ValueError as e:
                errors.append(f"report {name}: finding #{i} malformed: {e}")
                continue
            found.setdefault(k, f)
    return found, not_analysed


# --- scoring ------------------------------------------------------------------------

def ratio(a, b):
    return None if b == 0 else a / b


def score_package(pid, reports_dir, packages_dir):
    errors, warnings = [], []
    meta_path = os.path.join(reports_dir, pid + ".meta.json")
    meta = {}
    if not os.path.exists(meta_path):
        errors.append(f"not run ({meta_path} missing)")
    else:
        try:
            meta = read_json(meta_path)
            if not isinstance(meta, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as e:
            errors.append(f"{meta_path}: malformed: {e}")
            meta = {}
    log = meta.get("log", "")
    if meta.get("build_rc") not in (None, 0):
        errors.append(f"build() exited {meta['build_rc']} (log: {log})")
    if meta.get("analyse_rc") not in (None, 0):
        errors.append(f"analyse() exited {meta['analyse_rc']}"
                      f"{' (timeout)' if meta['analyse_rc'] == 124 else ''} (log: {log})")
    src = meta.get("src") if isinstance(meta.get("src"), str) else ""
    labels_path = os.path.join(packages_dir, pid, "labels.json")
    labels, verdicts, expected = load_labels(labels_path, errors)
    if not os.path.exists(labels_path):
        warnings.append(f"no labels.json: every finding is unlabelled")
    out_dir = os.path.join(reports_dir, pid)
    if meta.get("build_rc") not in (None, 0) and not os.path.isdir(out_dir):
        found, not_analysed = {}, 0
    else:
        found, not_analysed = load_reports(out_dir, src, errors, warnings)
    if not_analysed:
        warnings.append(f"{not_analysed} translation unit(s) not analysed (in all reports)")

    rows, hit = [], set()
    n_true = n_false = 0
    for k in sorted(found):
        v = verdicts.get(k)
        verdict = v["verdict"] if v else None
        if verdict == "true":
            n_true += 1
            hit.add(v["expected"])
        elif verdict == "false":
            n_false += 1
        rows.append({"check": k[0], "handle": k[1], "file": k[2], "fork": k[3], "use": k[4],
                     "verdict": verdict, "expected": v.get("expected") if v else None})
    unlabelled = [k for k in sorted(found) if k not in verdicts]
    stale = [k for k in verdicts if k not in found]
    missed = sorted(set(expected) - hit)
    r = {
        "package": meta.get("package") or labels.get("package") or pid,
        "version": meta.get("version") or labels.get("version"),
        "src": src,
        "findings": len(found), "true": n_true, "false": n_false,
        "unlabelled": len(unlabelled), "expected": len(expected),
        "found": len(expected) - len(missed), "missed": len(missed),
        "precision": ratio(n_true, n_true + n_false),
        "recall": ratio(len(expected) - len(missed), len(expected)),
        "missed_ids": missed,
        "labels_not_reported": len(stale),
        "not_analysed": not_analysed,
        "seconds": {k: meta.get(k) for k in ("build_seconds", "analyse_seconds") if k in meta},
        "errors": errors, "warnings": warnings,
        "list": rows,
    }
    return r, [(k, found[k]) for k in unlabelled]


def total_of(results):
    t = {c: sum(r[c] for r in results.values())
         for c in ("findings", "true", "false", "unlabelled", "expected", "found", "missed")}
    t["precision"] = ratio(t["true"], t["true"] + t["false"])
    t["recall"] = ratio(t["found"], t["expected"])
    return t


# --- printing -----------------------------------------------------------------------

def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{100 * v:.0f} %"
    return str(v)


def table(results, total, out):
    names = list(results) + ["total"]
    w = max(len(n) for n in names + ["package"])
    head = f"{'package':<{w}}  " + "  ".join(f"{c:>10}" for c in COLS) + "  status"
    print(head, file=out)
    print("-" * len(head), file=out)
    for pid, r in results.items():
        status = "ERROR" if r["errors"] else "ok"
        print(f"{pid:<{w}}  " + "  ".join(f"{fmt(r[c]):>10}" for c in COLS) + f"  {status}",
              file=out)
    print("-" * len(head), file=out)
    print(f"{'total':<{w}}  " + "  ".join(f"{fmt(total[c]):>10}" for c in COLS), file=out)


def print_unlabelled(pid, src, items, out):
    for k, f in items:
        print(f"\n[{pid}] UNLABELLED {k[0]}  handle={k[1]}  file={k[2]}  fork={k[3]}  use={k[4]}",
              file=out)
        L = f.get("location", {})
        print(f"  {loc(L, src)}: {f.get('level', 'warning')}: {f.get('message', '')}", file=out)
        for n in f.get("notes", []):
            print(f"  {loc(n.get('location'), src)}: {n.get('kind', '?')}: "
                  f"{n.get('message', '')}", file=out)
        stub = {"check": k[0], "handle": k[1], "file": k[2], "fork": k[3], "use": k[4],
                "verdict": "?", "expected": None, "reason": "?", "seen": ["?"]}
        print("  label: " + json.dumps(stub), file=out)


def compare(work, a, b, out):
    res = {}
    for tag in (a, b):
        path = os.path.join(work, f"results-{tag}.json")
        try:
            res[tag] = read_json(path)
            if not isinstance(res[tag], dict) or not isinstance(res[tag].get("packages"), dict):
                raise ValueError("not an evaluation result")
        except (OSError, ValueError) as e:
            print(f"evaluate.py: {path}: {e}", file=sys.stderr)
            return 1
    pa, pb = res[a]["packages"], res[b]["packages"]
    ids = sorted(set(pa) | set(pb))
    w = max([len(i) for i in ids] + [len("package"), len("total")])
    cols = ["findings", "true", "false", "unlabelled", "found", "missed", "precision", "recall"]
    print(f"{a} -> {b}", file=out)
    head = f"{'package':<{w}}  " + "  ".join(f"{c:>15}" for c in cols)
    print(head, file=out)
    print("-" * len(head), file=out)

    def cell(x, y, c):
        vx = fmt(x.get(c)) if x is not None else "n/r"
        vy = fmt(y.get(c)) if y is not None else "n/r"
        return f"{vx + ' > ' + vy if vx != vy else vx:>15}"

    for i in ids:
        print(f"{i:<{w}}  " + "  ".join(cell(pa.get(i), pb.get(i), c) for c in cols), file=out)
    print("-" * len(head), file=out)
    print(f"{'total':<{w}}  " + "  ".join(cell(res[a].get('total', {}), res[b].get('total', {}), c)
                                        for c in cols), file=out)
    print("(n/r: not run under that tag; 'x > y': changed)", file=out)
    for i in ids:
        la = {key_of(x): x for x in (pa.get(i) or {}).get("list", [])}
        lb = {key_of(x): x for x in (pb.get(i) or {}).get("list", [])}
        if i not in pa or i not in pb:
            continue
        for k in sorted(set(la) - set(lb)):
            print(f"[{i}] only in {a}: {la[k].get('verdict') or 'unlabelled'}: "
                  f"{k[0]} {k[1]} {k[2]} fork={k[3]} use={k[4]}", file=out)
        for k in sorted(set(lb) - set(la)):
            print(f"[{i}] only in {b}: {lb[k].get('verdict') or 'unlabelled'}: "
                  f"{k[0]} {k[1]} {k[2]} fork={k[3]} use={k[4]}", file=out)
    return 0


def main(argv):
    ap = Usage(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", help="directory of the runs' reports (see above)")
    ap.add_argument("--packages", default=os.path.join(HERE, "packages"),
                    help="directory of packages/ID/labels.json")
    ap.add_argument("--work", default=os.environ.get("WORK", "/tmp/realruns"),
                    help="where --tag writes results-NAME.json (default $WORK or /tmp/realruns)")
    ap.add_argument("--tag", help="store the results as WORK/results-NAME.json")
    ap.add_argument("--forksafe", default="", help="the binary used (recorded with --tag)")
    ap.add_argument("--allow-unlabelled", action="store_true",
                    help="unlabelled findings are a warning, not exit 2")
    ap.add_argument("--json", action="store_true",
                    help="print the summary as JSON on stdout (the rest on stderr)")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"),
                    help="print results-A.json and results-B.json side by side")
    ap.add_argument("ids", nargs="*", metavar="PACKAGE")
    a = ap.parse_args(argv)
    if a.compare:
        return compare(a.work, a.compare[0], a.compare[1], sys.stdout)
    if not a.reports:
        ap.error("--reports DIR is required (or --compare A B)")
    ids = a.ids
    if not ids and os.path.isdir(a.reports):
        ids = sorted(f[:-len(".meta.json")] for f in os.listdir(a.reports)
                     if f.endswith(".meta.json"))
    if not ids:
        ap.error(f"no package run under {a.reports}")
    out = sys.stderr if a.json else sys.stdout

    results, unlabelled = {}, {}
    for pid in ids:
        results[pid], unlabelled[pid] = score_package(pid, a.reports, a.packages)
    total = total_of(results)

    n_unl = sum(len(v) for v in unlabelled.values())
    for pid, items in unlabelled.items():
        print_unlabelled(pid, results[pid]["src"], items, out)
    if n_unl:
        print("", file=out)
    for pid, r in results.items():
        for e in r["errors"]:
            print(f"[{pid}] ERROR: {e}", file=out)
        for w in r["warnings"]:
            print(f"[{pid}] warning: {w}", file=out)
        if r["missed_ids"]:
            print(f"[{pid}] missed: {', '.join(r['missed_ids'])}", file=out)
        if r["labels_not_reported"]:
            print(f"[{pid}] {r['labels_not_reported']} labelled finding(s) not reported by this run",
                  file=out)
    print("", file=out)
    table(results, total, out)

    now = datetime.datetime.now().isoformat(timespec="seconds")
    for r in results.values():
        r["date"], r["forksafe"] = now, a.forksafe
    summary = {"format": "forksafe-evaluation", "version": 1, "tag": a.tag, "date": now,
               "forksafe": a.forksafe, "packages": results, "total": total}
    if a.tag:
        os.makedirs(a.work, exist_ok=True)
        path = os.path.join(a.work, f"results-{a.tag}.json")
        # A run of some packages under an existing tag updates those packages
        # and keeps the others, if they were scored with the same forksafe.
        stored, kept = dict(summary, packages=dict(results)), []
        try:
            old = read_json(path)
            if (isinstance(old, dict) and isinstance(old.get("packages"), dict)
                    and old.get("forksafe") == a.forksafe):
                for pid, r in old["packages"].items():
                    if pid not in results and isinstance(r, dict) and all(
                            isinstance(r.get(c), int) for c in COLS[:7]):
                        stored["packages"][pid] = r
                        kept.append(pid)
        except (OSError, ValueError):
            pass
        stored["packages"] = dict(sorted(stored["packages"].items()))
        stored["total"] = total_of(stored["packages"])
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(stored, fh, indent=1)
        print(f"\nresults stored as {path}" + (
            f" (with {len(kept)} package(s) kept from an earlier run of this tag and forksafe: "
            f"{', '.join(sorted(kept))})" if kept else ""), file=out)
    if a.json:
        json.dump(summary, sys.stdout, indent=1)
        print()
    if n_unl:
        print(f"\n{n_unl} unlabelled finding(s): label them in packages/<id>/labels.json"
              f"{' (allowed)' if a.allow_unlabelled else ''}", file=out)
        if not a.allow_unlabelled:
            return 2
    return 1 if any(r["errors"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
