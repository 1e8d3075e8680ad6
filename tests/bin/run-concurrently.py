#!/usr/bin/env python3
"""run-concurrently.py N -- CMD...: start CMD N times at once, wait for all,
and fail unless every run printed the same stdout with the same exit code
(concurrent runs sharing one facts cache must agree)."""
import subprocess
import sys

n = int(sys.argv[1])
cmd = sys.argv[3:]
procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
         for _ in range(n)]
results = [(p.wait(), p.stdout.read()) for p in procs]
codes = {code for code, _ in results}
outs = {out for _, out in results}
if len(codes) != 1 or len(outs) != 1:
    sys.stderr.write("run-concurrently: runs disagree: exit codes %s\n" % sorted(codes))
    sys.exit(1)
sys.stdout.write(results[0][1].decode())
sys.exit(0)
