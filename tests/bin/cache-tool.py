#!/usr/bin/env python3
"""cache-tool.py corrupt|foreign|count CACHE_DIR

corrupt: overwrite every facts cache entry with garbage; foreign: rewrite
each entry with another facts version; count: print the number of entries.
For the cache tests only."""
import json
import pathlib
import sys

mode, root = sys.argv[1], pathlib.Path(sys.argv[2])
entries = sorted(p for p in root.rglob("*.json"))
if mode == "count":
    print(len(entries))
for p in entries:
    if mode == "corrupt":
        p.write_text('{"inputs": [["/x", ')
    elif mode == "foreign":
        data = json.loads(p.read_text())
        data["facts"]["forksafe-facts"] = 999
        p.write_text(json.dumps(data))
