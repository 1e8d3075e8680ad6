#!/usr/bin/env python3
"""Write the compile database of the TUs that one executable really links.

Static archives contribute only the members the linker pulls in, so "every TU
of the tree" is not the program: Zabbix builds the same sources into several
archives (server/proxy/agent variants of sysinfo, self-monitoring, RTC...)
and links different subsets into zabbix_server and zabbix_proxy.

Input: the linker map of the executable (-Wl,-Map,FILE), the directory the
link ran in, and bear's compile_commands.json (whose entries carry "output").
The map's "Archive member included" section names every archive member that
was linked as ARCHIVE(MEMBER); the objects given directly on the command line
are taken from the "LOAD" lines.  Each object is matched to the compile
command whose "output" it is.

  linked-tus.py --map zabbix_server.map --link-dir src/zabbix_server \
                --ccdb compile_commands.json --out runs/server/compile_commands.json
"""
import argparse, json, os, re, sys

ap = argparse.ArgumentParser()
ap.add_argument('--map', required=True)
ap.add_argument('--link-dir', required=True)
ap.add_argument('--ccdb', required=True)
ap.add_argument('--out', required=True)
a = ap.parse_args()

objs = set()
for line in open(a.map, errors='replace'):
    m = re.match(r'^(\S+\.a)\(([^)]+\.o)\)', line)
    if m:
        objs.add(os.path.normpath(os.path.join(os.path.abspath(a.link_dir), os.path.dirname(m.group(1)), m.group(2))))
        continue
    m = re.match(r'^LOAD (\S+\.o)$', line.strip())
    if m and not m.group(1).startswith('/'):
        objs.add(os.path.normpath(os.path.join(os.path.abspath(a.link_dir), m.group(1))))

db = json.load(open(a.ccdb))
by_out = {}
for e in db:
    out = e.get('output')
    if out:
        by_out[os.path.normpath(os.path.join(e['directory'], out))] = e
# libtool merges convenience libraries into one archive (pmacct's
# .libs/libdaemons.a holds bgp/.libs/libpmbgp_la-bgp.o), and archives can be
# copied (installed into a staging prefix): then the member is found by its
# name, which libtool makes unique (libNAME_la-FILE.o). Of a PIC and a non-PIC
# compile of one file, the PIC one (.libs/) is what a libtool archive holds.
by_name = {}
for out in by_out:
    by_name.setdefault(os.path.basename(out), []).append(out)
def find(o):
    if o in by_out:
        return by_out[o]
    cands = by_name.get(os.path.basename(o), [])
    if len(cands) > 1:
        cands = [c for c in cands if os.path.basename(os.path.dirname(c)) == '.libs'] or cands
    return by_out[cands[0]] if len(cands) == 1 else None
sel, missing = [], []
for o in sorted(objs):
    e = find(o)
    (sel.append(e) if e is not None else missing.append(o))
sel = [e for i, e in enumerate(sel) if e not in sel[:i]]
if missing:
    sys.exit('linked-tus.py: no compile command for %d linked objects, e.g. %s' % (len(missing), missing[0]))
os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
json.dump(sel, open(a.out, 'w'), indent=1)
print('%s: %d TUs' % (a.out, len(sel)), file=sys.stderr)
