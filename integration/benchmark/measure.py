#!/usr/bin/env python3
"""Run a command under '/usr/bin/time -v' and report, as one JSON line:
wall seconds, user/sys seconds, the exit code, the peak RSS GNU time reports
(on Linux that is max(process, every reaped descendant): for forksafe, the
coordinator or its largest forked worker), and the coordinator's own peak
(VmHWM of the direct child of time, polled every 10 ms until it exits; the
high-water mark only grows, so the last sample is the peak up to then; a
'timeout' wrapper is looked through, and a run killed by it still has this
figure, while time's own maximum then only covers 'timeout'), and the largest
sampled VmHWM of the coordinator's children (workers; sampled, so a worker
that lives less than 10 ms may be missed).

Usage: measure.py [--out FILE] [--stdout FILE] [--stderr FILE] -- CMD...
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def hwm(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
            return int(m.group(1)) if m else 0
    except OSError:
        return None


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


def children(pid):
    kids = []
    try:
        for t in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, t)) as f:
                kids += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return kids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stdout", default=os.devnull)
    ap.add_argument("--stderr", default=os.devnull)
    ap.add_argument("--label", default="")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    tf = tempfile.NamedTemporaryFile(prefix="time-v.", delete=False)
    tf.close()
    with open(a.stdout, "wb") as so, open(a.stderr, "wb") as se:
        t0 = time.monotonic()
        p = subprocess.Popen(["/usr/bin/time", "-v", "-o", tf.name] + cmd,
                             stdout=so, stderr=se)
        coord, coord_hwm, worker_hwm = None, 0, 0
        while p.poll() is None:
            if coord is None:
                # The measured program: the first descendant of time that is
                # not a 'timeout' wrapper.
                kids = children(p.pid)
                while kids and comm(kids[0]) == "timeout":
                    kids = children(kids[0])
                coord = kids[0] if kids else None
            if coord is not None:
                v = hwm(coord)
                if v:
                    coord_hwm = max(coord_hwm, v)
                for w in children(coord):  # sampled: misses short peaks
                    v = hwm(w)
                    if v:
                        worker_hwm = max(worker_hwm, v)
            time.sleep(0.01)
        wall = time.monotonic() - t0
    with open(tf.name) as f:
        tv = f.read()
    os.unlink(tf.name)

    def field(name, conv=float):
        m = re.search(re.escape(name) + r":\s*(\S+)", tv)
        return conv(m.group(1)) if m else None

    m = re.search(r"Command exited with non-zero status (\d+)", tv)
    rc = int(m.group(1)) if m else p.returncode
    json.dump({"label": a.label, "rc": rc, "wall": round(wall, 3),
               "user": field("User time (seconds)"),
               "sys": field("System time (seconds)"),
               "max_rss_kb": field("Maximum resident set size (kbytes)", int),
               "coordinator_hwm_kb": coord_hwm,
               "sampled_worker_hwm_kb": worker_hwm}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
