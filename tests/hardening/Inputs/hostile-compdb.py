#!/usr/bin/env python3
"""hostile-compdb.py SRC BUILD MARKER: a compile_commands.json whose commands
try to load a plugin and run tools (each would create MARKER if it ran),
with a response file, a relative directory, a non-ASCII path and a
duplicate entry."""
import json
import os
import sys

src, build, marker = sys.argv[1:4]
evil_bin = os.path.join(build, "evil-bin")
os.makedirs(evil_bin, exist_ok=True)
for tool in ["ld", "as", "cc1"]:
    path = os.path.join(evil_bin, tool)
    with open(path, "w") as f:
        f.write("#!/bin/sh\ntouch '%s'\n" % marker)
    os.chmod(path, 0o755)
hostile = ["-fplugin=%s/evil.so" % build, "-Xclang", "-load", "-Xclang",
           "%s/evil2.so" % build, "-B", evil_bin, "@flags.rsp"]
entries = []
for f in ["db.c", "init.c", "server.c", "ünï/handlers.c"]:
    entries.append({"directory": src, "file": f,
                    "arguments": ["cc"] + hostile + ["-c", f, "-o", f + ".o"]})
# A duplicate entry for one file, and one with a relative directory.
entries.append(dict(entries[0]))
rel = os.path.relpath(src, build)
entries.append({"directory": rel, "file": "init.c",
                "arguments": ["cc", "@flags.rsp", "-c", "init.c"]})
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, ensure_ascii=False, indent=1)
