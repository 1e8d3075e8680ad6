#!/usr/bin/env python3
"""compile_commands.json from 'make -n' output, without compiling anything.

Used by run.sh with CCDB=dry-run when a real build under bear would take too
long on a loaded machine: the commands are the ones make would run (the same
flags bear would record), for the C/C++ compiles of a single-directory
Makefile build such as git's.  Generated headers must exist (run.sh builds
the ones the package needs first).

Usage: dryrun-ccdb.py DIRECTORY < make-n-output > compile_commands.json
"""
import json
import os
import shlex
import sys

COMPILERS = {"cc", "gcc", "clang", "c++", "g++", "clang++"}


def commands(line):
    """The simple commands of a shell line: make -n prints quiet rules as
    "echo '   ' CC x.o;cc -o x.o -c x.c", one line for both."""
    lex = shlex.shlex(line, posix=True, punctuation_chars=";&|")
    lex.whitespace_split = True
    cmd = []
    for tok in lex:
        if tok and set(tok) <= set(";&|"):
            if cmd:
                yield cmd
            cmd = []
        else:
            cmd.append(tok)
    if cmd:
        yield cmd


def main():
    d = os.path.abspath(sys.argv[1])
    text = sys.stdin.read().replace("\\\n", " ")
    out, seen = [], set()
    for line in text.splitlines():
        try:
            cmds = list(commands(line))
        except ValueError:
            continue
        for args in cmds:
            add(d, args, out, seen)
    json.dump(out, sys.stdout, indent=1)
    print("dryrun-ccdb: %d compile commands" % len(out), file=sys.stderr)


def add(d, args, out, seen):
    """Records args if it compiles one C/C++ source not seen yet."""
    if not args or os.path.basename(args[0]) not in COMPILERS or "-c" not in args:
        return
    src, skip = None, False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MQ", "-MT", "-include", "-I", "-D"):
            skip = True
            continue
        if a.endswith((".c", ".cc", ".cpp", ".cxx")) and not a.startswith("-"):
            src = a
    if not src or src in seen:
        return
    seen.add(src)
    out.append({"directory": d, "file": src, "arguments": args})


if __name__ == "__main__":
    main()
