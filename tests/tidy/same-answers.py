#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Same answers from the CLI and the clang-tidy plugin.

Finds every single-TU lit input under tests/checks and tests/rules, reads the
flags of each of its `%forksafe ... %s -- FLAGS` RUN lines, runs

    forksafe [--checks=GLOBS] FILE -- FLAGS
    clang-tidy-19 --load=PLUGIN --checks=-*,forksafe-*[,GLOBS] --header-filter=.* \
        --system-headers --quiet FILE -- FLAGS

and compares the findings, normalised to (check, file:line:col, message,
notes). Any difference, or a run that fails, fails the test. Inputs whose
REQUIRES: features are missing here are skipped (and counted).

usage: same-answers.py --forksafe BIN --clang-tidy BIN --plugin SO
                       --srcroot DIR [--features F,F...] [-j N] [FILE...]
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys

DIAG = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|note|error): (?P<msg>.*)$")
CHECK = re.compile(r"^(?P<msg>.*) \[(?P<check>[a-z0-9.,-]+)\]$")


def header_features(srcroot):
    """The features lit defines from header paths (tests/**/lit.local.cfg and
    lit.cfg.py), evaluated the way lit does, so the two cannot drift."""
    features = set()

    class Config:
        available_features = features
        substitutions = []
        environment = {}

    for sub in ("checks", "rules"):
        for dirpath, dirnames, filenames in sorted(os.walk(os.path.join(srcroot, "tests", sub))):
            if "lit.local.cfg" in filenames:
                cfg = os.path.join(dirpath, "lit.local.cfg")
                exec(compile(open(cfg).read(), cfg, "exec"),
                     {"config": Config(), "os": os, "__file__": cfg})
    if os.path.exists("/usr/include/mariadb/mysql.h"):
        features.add("mariadb-headers")
    return features


def find_inputs(srcroot):
    out = []
    for sub in ("checks", "rules"):
        top = os.path.join(srcroot, "tests", sub)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "Inputs")
            for f in sorted(filenames):
                if f.endswith((".c", ".cpp")):
                    out.append(os.path.join(dirpath, f))
    return out


def variants(path, srcroot):
    """(checks, engine options, flags) for each '%forksafe ... %s -- FLAGS'
    RUN line."""
    subst = [
        ("%mocks", os.path.join(srcroot, "tests", "Inputs", "Headers")),
        ("%inputs", os.path.join(srcroot, "tests", "Inputs")),
        ("%rules", os.path.join(srcroot, "rules")),
        ("%srcroot", srcroot),
        ("%S", os.path.dirname(path)),
        ("%s", path),
    ]
    requires, found = [], []
    for line in open(path, encoding="utf-8"):
        m = re.search(r"REQUIRES:(.*)", line)
        if m:
            requires += [f.strip() for f in m.group(1).split(",") if f.strip()]
        m = re.search(r"RUN:(.*)", line)
        if not m or "%forksafe" not in m.group(1):
            continue
        cmd = m.group(1).split("|")[0]
        cmd = cmd[cmd.index("%forksafe") + len("%forksafe"):]
        for k, v in subst:
            cmd = cmd.replace(k, v)
        words = shlex.split(cmd)
        if "--" not in words:
            raise SystemExit(f"{path}: RUN line without '--': {line.strip()}")
        cut = words.index("--")
        before, flags = words[:cut], words[cut + 1:]
        checks, options = None, []
        # An output format changes how findings are written, not which:
        # the same flags' text run is the variant that is compared.
        if any(w.startswith("--format=") for w in before):
            continue
        for w in before:
            if w.startswith("--checks="):
                checks = w[len("--checks="):]
            elif w == "--report-latent":
                options.append("ReportLatent")
            elif w.startswith("--config=") and "ReportLatent: true" in w:
                options.append("ReportLatent")
            elif w != path:
                raise SystemExit(f"{path}: CLI option {w} has no plugin "
                                 "equivalent in same-answers.py yet")
        v = (checks, tuple(options), tuple(flags))
        if v not in found:
            found.append(v)
    return requires, found


def parse(text, tool):
    """[(check, loc, message, ((loc, message), ...)), ...] from clang-style
    output; caret and source lines are ignored."""
    findings = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        loc = "%s:%s:%s" % (os.path.realpath(m["file"]), m["line"], m["col"])
        if m["kind"] == "error":
            raise RuntimeError(f"{tool} reported an error: {line}")
        if m["kind"] == "warning":
            c = CHECK.match(m["msg"])
            if not c:
                raise RuntimeError(f"{tool}: warning without [check]: {line}")
            findings.append([c["check"], loc, c["msg"], []])
        else:
            if not findings:
                raise RuntimeError(f"{tool}: note before any warning: {line}")
            findings[-1][3].append((loc, m["msg"]))
    return sorted((c, l, msg, tuple(n)) for c, l, msg, n in findings)


def run_one(args, path, checks, options, flags):
    cli = [args.forksafe, "--quiet"]
    if checks:
        cli.append("--checks=" + checks)
    # Engine options: the CLI's flag, the plugin's CheckOptions.
    cli += ["--report-latent"] if "ReportLatent" in options else []
    config = (["--config={CheckOptions: {forksafe-inherited-handle."
               "ReportLatent: true}}"] if "ReportLatent" in options else [])
    cli += [path, "--"] + list(flags)
    # The CLI adds --checks globs to its default, forksafe-* (as clang-tidy
    # adds them to its own defaults).
    tidy = [args.clang_tidy, "--load=" + args.plugin,
            "--checks=-*,forksafe-*" + ("," + checks if checks else ""),
            "--header-filter=.*", "--system-headers", "--quiet"] + config + [
            path, "--"] + list(flags)
    r1 = subprocess.run(cli, capture_output=True, text=True)
    r2 = subprocess.run(tidy, capture_output=True, text=True)
    if r1.returncode not in (0, 1):
        raise RuntimeError("forksafe exited %d: %s\n%s" %
                           (r1.returncode, shlex.join(cli), r1.stderr))
    if r2.returncode != 0:
        raise RuntimeError("clang-tidy exited %d: %s\n%s%s" %
                           (r2.returncode, shlex.join(tidy), r2.stdout, r2.stderr))
    a = parse(r1.stdout, "forksafe")
    b = parse(r2.stdout, "clang-tidy")
    return a, b, cli, tidy


def show(findings):
    out = []
    for check, loc, msg, notes in findings:
        out.append(f"  {loc}: warning: {msg} [{check}]")
        out += [f"    {l}: note: {m}" for l, m in notes]
    return "\n".join(out) or "  (no findings)"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--forksafe", required=True)
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--srcroot", required=True)
    p.add_argument("-j", type=int, default=os.cpu_count() or 2)
    p.add_argument("files", nargs="*")
    args = p.parse_args()

    features = header_features(args.srcroot)
    files = [os.path.abspath(f) for f in args.files] or find_inputs(args.srcroot)
    jobs, skipped = [], []
    for f in files:
        requires, vs = variants(f, args.srcroot)
        missing = [r for r in requires if r not in features]
        if missing:
            skipped.append((f, missing))
            continue
        if not vs:
            continue
        jobs += [(f, c, o, fl) for c, o, fl in vs]

    failures, with_findings = 0, 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        futures = {pool.submit(run_one, args, f, c, o, fl): (f, c, o, fl)
                   for f, c, o, fl in jobs}
        for fut in futures:
            f, c, o, fl = futures[fut]
            what = "%s [%s%s] -- %s" % (os.path.relpath(f, args.srcroot),
                                        c or "forksafe-*",
                                        "".join(" " + x for x in o),
                                        " ".join(fl))
            try:
                a, b, cli, tidy = fut.result()
            except Exception as e:  # a failed run is a failure, not a skip
                print(f"FAIL {what}: {e}")
                failures += 1
                continue
            if a != b:
                failures += 1
                print(f"DIFF {what}\n  $ {shlex.join(cli)}\n{show(a)}\n"
                      f"  $ {shlex.join(tidy)}\n{show(b)}")
            else:
                with_findings += bool(a)
    for f, missing in skipped:
        print("SKIP %s (missing %s)" % (os.path.relpath(f, args.srcroot),
                                        ", ".join(missing)))
    print("same-answers: %d variants of %d inputs compared, %d with findings, "
          "%d differ or failed, %d inputs skipped" %
          (len(jobs), len({j[0] for j in jobs}), with_findings, failures,
           len(skipped)))
    return 1 if failures or not jobs else 0


if __name__ == "__main__":
    sys.exit(main())
