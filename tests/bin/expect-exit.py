#!/usr/bin/env python3
"""expect-exit CODE CMD...: run CMD, pass its output through, and succeed only
if it exits with CODE (lit's shell cannot test '$?' directly)."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    sys.stderr.write("expect-exit: %s exited %d, expected %d\n"
                     % (sys.argv[2], proc.returncode, want))
    sys.exit(1)
