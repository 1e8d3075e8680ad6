#!/usr/bin/env python3
"""make-compdb.py OUT_DIR SRC_DIR FILE... [-- FLAGS...]

Writes OUT_DIR/compile_commands.json with one entry per FILE (relative to
SRC_DIR), compiled with FLAGS; tests use it to build multi-TU programs."""
import json
import os
import shlex
import sys

args = sys.argv[1:]
flags = []
if "--" in args:
    i = args.index("--")
    args, flags = args[:i], args[i + 1:]
out_dir, src_dir, files = args[0], os.path.abspath(args[1]), args[2:]
os.makedirs(out_dir, exist_ok=True)
entries = []
for f in files:
    path = os.path.join(src_dir, f)
    compiler = "c++" if f.endswith((".cpp", ".cc")) else "cc"
    entries.append({
        "directory": src_dir,
        "command": " ".join([compiler] + [shlex.quote(a) for a in flags] +
                            ["-c", shlex.quote(f), "-o", shlex.quote(f + ".o")]),
        "file": path,
    })
with open(os.path.join(out_dir, "compile_commands.json"), "w") as fh:
    json.dump(entries, fh, indent=1)
