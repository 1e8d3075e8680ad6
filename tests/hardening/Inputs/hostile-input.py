#!/usr/bin/env python3
"""hostile-input.py KIND ARGS...: writes the large hostile inputs the fuzz
targets' findings were about (docs/fuzzing.md); too big to keep in the
repository, cheap to generate.

  deep-rules FILE            a rule file nested 100000 levels deep
  large-rules FILE N         a valid rule file with N handle types
  deep-compdb FILE           a compile_commands.json nested 1000000 deep
  deep-cache CACHE_DIR       every facts cache entry: facts nested 1000000 deep
  device-cache CACHE_DIR     every facts cache entry: an input is /dev/zero
"""
import json
import pathlib
import sys

kind, target = sys.argv[1], pathlib.Path(sys.argv[2])
if kind == "deep-rules":
    n = 100000
    target.write_text('{"library": ' + "[" * n + "]" * n + "}")
elif kind == "large-rules":
    n = int(sys.argv[3])
    src = "https://example.invalid/large"
    target.write_text(json.dumps({
        "library": "large", "name": "Large", "source": src,
        "handles": [{"type": "large_t%d" % i, "semantics": "shared-socket",
                     "source": src} for i in range(n)],
        "functions": [{"name": "large_use%d" % i, "role": "use", "handle": 0,
                       "type": "large_t%d" % i, "source": src}
                      for i in range(n)]}, indent=1))
elif kind == "deep-compdb":
    n = 1000000
    target.write_text('[{"directory": "/tmp", "file": "a.c", '
                      '"command": "cc -c a.c", "x": ' + "[" * n + "]" * n + "}]")
elif kind in ("deep-cache", "device-cache"):
    entries = sorted(target.rglob("*.json"))
    assert entries, "no cache entries under %s" % target
    for p in entries:
        if kind == "deep-cache":
            n = 1000000
            p.write_text('{"inputs": [], "facts": ' + "[" * n + "]" * n + "}")
        else:
            data = json.loads(p.read_text())
            data["inputs"].insert(0, ["/dev/zero", "0000000000000000"])
            p.write_text(json.dumps(data))
else:
    sys.exit("unknown kind " + kind)
