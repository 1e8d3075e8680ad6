#!/usr/bin/env python3
"""Print forksafe --format=json reports as compiler-style text, paths
relative to ROOT: show.py ROOT REPORT.json..."""
import json, sys

root = sys.argv[1].rstrip("/") + "/"
for fn in sys.argv[2:]:
    report = json.load(open(fn))
    if not isinstance(report, dict) or "findings" not in report:
        continue  # per-module.py's summary.json
    for f in report["findings"]:
        L = f["location"]
        print(f"{L['file'].replace(root, '')}:{L['line']}:{L['column']}: "
              f"warning: {f['message']} [{f['check']}]")
        for n in f["notes"]:
            L = n["location"]
            print(f"{L['file'].replace(root, '')}:{L['line']}:{L['column']}: "
                  f"note: {n['message']}")
