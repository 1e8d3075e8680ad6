#!/usr/bin/env python3
"""Rewrite the FactsLoader seeds in the current facts version.

    regen-facts-seeds.py FORKSAFE SRCROOT

Each seed tests/fuzz/corpus/FactsLoader/{facts,cache}-*.json names its
source file in its locations ("/src/tests/..."); the source is extracted
again with FORKSAFE --dump-facts (flags as its first RUN line gives them, or
the mock headers), paths are written as /src/..., and a cache entry keeps
its "inputs". Seeds that are about something else (another version, a
truncated entry, a missing input) are left as they are. Run it after a
facts version bump so the fuzzer starts from facts the reader accepts."""
import json
import os
import re
import shlex
import subprocess
import sys

forksafe, root = sys.argv[1], os.path.abspath(sys.argv[2])
corpus = os.path.join(root, "tests", "fuzz", "corpus", "FactsLoader")
mocks = os.path.join(root, "tests", "Inputs", "Headers")


def flags_for(src):
    """The compile flags of the source's first %forksafe RUN line."""
    for line in open(src, encoding="utf-8", errors="replace"):
        m = re.search(r"RUN:.*%forksafe .*%s -- (.*?)(\||$)", line)
        if m:
            words = shlex.split(m.group(1))
            return [w.replace("%mocks", mocks).replace("%S", os.path.dirname(src))
                    for w in words if not w.startswith("-DBUG")]
    return ["-I" + mocks, "-I" + os.path.join(mocks, "frameworks")] + (
        ["-std=c++17"] if src.endswith(".cpp") else [])


for name in sorted(os.listdir(corpus)):
    path = os.path.join(corpus, name)
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'"/src/([^"]+\.(?:c|cpp))"', text)
    if not m or not (name.startswith("facts-") or name.startswith("cache-")) \
            or "other-version" in name:
        continue
    src = os.path.join(root, m.group(1))
    if not os.path.exists(src):
        print("skip (no source):", name)
        continue
    try:
        doc = json.loads(text)
    except ValueError:
        print("skip (not JSON):", name)
        continue
    r = subprocess.run([forksafe, "--dump-facts", src, "--"] + flags_for(src),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1) or not r.stdout.strip():
        print("skip (extraction failed):", name, r.stderr.strip()[:200])
        continue
    facts = json.loads(r.stdout.replace(root + "/", "/src/"))
    if name.startswith("cache-"):
        if not isinstance(doc, dict) or "facts" not in doc:
            continue
        doc["facts"] = facts
    else:
        doc = facts
    out = re.sub(r"-v\d+-", "-", name)
    with open(os.path.join(corpus, out), "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"), sort_keys=True)
    if out != name:
        os.remove(path)
    print("rewrote", name, "->", out)
