#!/usr/bin/env python3
"""Run forksafe once per plug-in module of a server whose modules are
separate shared objects (Kamailio, nginx dynamic modules).

    per-module.py --ccdb DIR --module-root PATTERN --libs PATTERN... \
        --out OUTDIR [--forksafe BIN] [-- FORKSAFE_ARGS...]

Each run analyses one module's translation units together with the
translation units matching --libs (the libraries every module links, e.g.
Kamailio's src/lib/srdb1 and srdb2), but not the other modules: the modules
are dlopen()ed with RTLD_LOCAL, so a global named 'db_handle' in alias_db and
one in speeddial are two variables, while one whole-program run links them
into one by name. The facts cache of -p DIR is shared, so only the first run
parses anything. Writes OUTDIR/MODULE.json (forksafe --format=json) and
OUTDIR/summary.json; prints one line per module."""
import argparse, collections, json, os, re, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--ccdb", required=True, help="directory with compile_commands.json")
ap.add_argument("--module-root", required=True,
                help="regex with one group naming the module, e.g. '/src/modules/([^/]+)/'")
ap.add_argument("--libs", action="append", default=[],
                help="regex of TUs added to every module's run")
ap.add_argument("--out", required=True)
ap.add_argument("--forksafe", default=os.environ.get("FORKSAFE", "forksafe"))
ap.add_argument("--jobs", default="2")
ap.add_argument("rest", nargs=argparse.REMAINDER)
a = ap.parse_args()
extra = a.rest[1:] if a.rest[:1] == ["--"] else a.rest

entries = json.load(open(os.path.join(a.ccdb, "compile_commands.json")))
mods, libs = collections.defaultdict(list), []
root = re.compile(a.module_root)
for e in entries:
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    m = root.search(f)
    if m:
        mods[m.group(1)].append(f)
    elif any(re.search(p, f) for p in a.libs):
        libs.append(f)
os.makedirs(a.out, exist_ok=True)
summary, total = {}, 0
for name in sorted(mods):
    out = os.path.join(a.out, name + ".json")
    t = time.time()
    r = subprocess.run([a.forksafe, "-p", a.ccdb, "-j", a.jobs, "--quiet",
                        "--format=json", "-o", out] + extra +
                       sorted(set(mods[name])) + sorted(set(libs)),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    n = len(json.load(open(out))["findings"]) if os.path.exists(out) else None
    summary[name] = {"exit": r.returncode, "findings": n,
                     "tus": len(set(mods[name])), "seconds": round(time.time() - t, 1)}
    if r.returncode not in (0, 1):
        summary[name]["stderr"] = r.stderr[-2000:]
    total += n or 0
    print(name, json.dumps(summary[name]), flush=True)
json.dump(summary, open(os.path.join(a.out, "summary.json"), "w"), indent=1)
print(f"{len(mods)} modules, {sum(len(set(v)) for v in mods.values())} module TUs "
      f"(+{len(set(libs))} library TUs in each run), {total} findings", flush=True)
