#!/usr/bin/env python3
"""configure-nginx.py SRC DEST

Gives DEST a configured copy of Debian's nginx source tree: SRC is
/usr/share/nginx/src from nginx-dev, configured with Debian's own flags
(SRC/conf_flags, which include --with-compat), as dh_nginx configures it to
build Debian's dynamic modules. Only objs/ngx_auto_config.h and
objs/ngx_auto_headers.h come out of ./configure; the rest are nginx-dev's
headers. Done once and reused: a stamp records the nginx-dev version and the
flags, several tests may call this at once (a lock serialises them), and a
failed ./configure leaves nothing half-made behind (it runs in a temporary
copy that is renamed into place)."""
import fcntl
import os
import shutil
import subprocess
import sys

src, dest = sys.argv[1], os.path.abspath(sys.argv[2])
if not os.path.isfile(os.path.join(src, "configure")):
    sys.exit("configure-nginx: %s/configure not found; install nginx-dev "
             "(scripts/packages/frameworks.txt, bash scripts/setup.sh)" % src)

version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "nginx-dev"],
                         capture_output=True, text=True).stdout.strip()
with open(os.path.join(src, "conf_flags")) as fh:
    conf_flags = fh.read()
stamp_text = "nginx-dev %s\n%s" % (version, conf_flags)

parent = os.path.dirname(dest)
os.makedirs(parent, exist_ok=True)
with open(dest + ".lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    stamp = os.path.join(dest, ".forksafe-stamp")
    try:
        with open(stamp) as fh:
            if fh.read() == stamp_text and os.path.isfile(
                    os.path.join(dest, "objs", "ngx_auto_config.h")):
                sys.exit(0)
    except OSError:
        pass
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp, symlinks=True)
    # Debian's flags, as debian/nginx_mod.pm (dh_nginx) passes them.
    proc = subprocess.run(
        ["bash", "-c", '. ./conf_flags && ./configure "${NGX_CONF_FLAGS[@]}"'],
        cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:])
        sys.exit("configure-nginx: ./configure failed in %s (exit %d)"
                 % (tmp, proc.returncode))
    with open(os.path.join(tmp, ".forksafe-stamp"), "w") as fh:
        fh.write(stamp_text)
    shutil.rmtree(dest, ignore_errors=True)
    os.rename(tmp, dest)
