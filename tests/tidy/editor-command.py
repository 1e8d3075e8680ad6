#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the command line an editor integration in integration/editors/
produces, and prints what that editor's parser would read from the output.

usage: editor-command.py EDITOR EDITORS_DIR PLUGIN PROJECT_DIR FILE BUILD_DIR

EDITOR is vscode, clion, emacs or vim. The configuration files are read as
shipped; the only change is the plugin path (/usr/local/lib/... -> PLUGIN),
so the test runs the plugin of this build. Prints

  COMMAND: <the command, shell-quoted>
  PARSED: <basename>:<line>:<col>: <severity>: <message>

one PARSED line per diagnostic the editor's own pattern matches.
"""
import json
import os
import re
import shlex
import subprocess
import sys

INSTALLED_PLUGIN = "/usr/local/lib/ForksafeTidyModule.so"


def vscode(cfg_dir, plugin, file, build):
    # The C/C++ extension runs clang-tidy at .path with .args, the enabled
    # checks as --checks, --export-fixes for its quick fixes, the file, and
    # -p with the build directory when useBuildPath is set.
    s = json.load(open(os.path.join(cfg_dir, "vscode", "settings.json")))
    assert s["C_Cpp.codeAnalysis.clangTidy.enabled"] is True
    args = [a.replace(INSTALLED_PLUGIN, plugin)
            for a in s["C_Cpp.codeAnalysis.clangTidy.args"]]
    cmd = [s["C_Cpp.codeAnalysis.clangTidy.path"]] + args
    cmd.append("--checks=" + ",".join(s["C_Cpp.codeAnalysis.clangTidy.checks.enabled"]))
    fixes = os.path.join(build, "vscode-fixes.yaml")
    cmd += ["--export-fixes=" + fixes, file]
    if s.get("C_Cpp.codeAnalysis.clangTidy.useBuildPath"):
        cmd += ["-p", build]
    # clang's format on stdout, as the extension's output parser expects.
    pattern = re.compile(r"^(.+):(\d+):(\d+): (warning|error|note): (.*)$")
    return cmd, pattern, {}, fixes


def clion(cfg_dir, plugin, file, build):
    # CLion takes a clang-tidy executable (no extra arguments): the wrapper.
    # It passes the checks and the file and reads clang's format.
    wrapper = os.path.join(cfg_dir, "clion", "clang-tidy-forksafe")
    cmd = [wrapper, "--checks=forksafe-*", file, "-p", build]
    pattern = re.compile(r"^(.+):(\d+):(\d+): (warning|error|note): (.*)$")
    return cmd, pattern, {"FORKSAFE_TIDY_PLUGIN": plugin}, None


def sexps(text):
    """A tiny reader for the .el file: strings, symbols, lists, quotes."""
    text = re.sub(r";[^\n]*", "", text)
    tokens = re.findall(r'"(?:\\.|[^"\\])*"|[()]|\'|[^\s()\']+', text)
    pos = 0

    def read():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        if t == "(":
            out = []
            while tokens[pos] != ")":
                out.append(read())
            pos += 1
            return out
        if t == "'":
            return ["quote", read()]
        if t.startswith('"'):
            return ("str", json.loads(t))
        return t

    out = []
    while pos < len(tokens):
        out.append(read())
    return out


def emacs(cfg_dir, plugin, file, build):
    forms = sexps(open(os.path.join(cfg_dir, "emacs", "forksafe-flycheck.el")).read())
    variables = {f[1]: f[2] for f in forms
                 if isinstance(f, list) and f and f[0] == "defcustom"}
    variables["forksafe-flycheck-plugin"] = ("str", plugin)
    # As a user who keeps compile_commands.json in build/ would set it.
    variables["forksafe-flycheck-build-dir"] = ("str", build)
    checker = next(f for f in forms if isinstance(f, list) and f
                   and f[0] == "flycheck-define-checker")
    command = checker[checker.index(":command") + 1]
    patterns = checker[checker.index(":error-patterns") + 1]

    def value(x):
        if isinstance(x, tuple):
            return x[1]
        if isinstance(x, str):
            v = variables.get(x)
            return None if v in (None, "nil") else value(v)
        if x[0] == "concat":
            return "".join(value(a) for a in x[1:])
        if x[0] == "expand-file-name":
            return os.path.abspath(value(x[1]))
        raise SystemExit("emacs: cannot evaluate %r" % (x,))

    cmd = []
    for part in command:
        if isinstance(part, tuple):
            cmd.append(part[1])
        elif part == "source-original":
            cmd.append(file)
        elif part[0] == "eval":
            cmd.append(value(part[1]))
        elif part[0] == "option":
            v = value(part[2])
            if v is not None:
                cmd += [part[1][1], v]
        else:
            raise SystemExit("emacs: unknown command part %r" % (part,))
    # The rx patterns: (LEVEL line-start (file-name) ":" line ":" column
    # ": LEVEL: " (message ...) line-end) -> one regex per level.
    levels = {p[0]: next(x[1] for x in p[1:] if isinstance(x, tuple)
                         and x[1].startswith(": ")) for p in patterns}
    alts = "|".join(re.escape(s[2:-2]) for s in levels.values())
    pattern = re.compile(r"^(.+?):(\d+):(\d+): (%s): (.+)$" % alts)
    return cmd, pattern, {}, None


def vim(cfg_dir, plugin, file, build):
    # Vim itself reads the settings; the command is ALE's c/clangtidy
    # GetCommand: %e [-checks=CHECKS] [EXTRA] %s [-p BUILD_DIR].
    cfg = os.path.join(cfg_dir, "vim", "forksafe-ale.vim")
    out = os.path.join(build, "ale-vars.json")
    subprocess.run(["vim", "-N", "-u", "NONE", "-i", "NONE", "-es",
                    "-c", "source " + cfg,
                    "-c", "call writefile([json_encode({'exe': g:ale_c_clangtidy_executable,"
                          " 'checks': g:ale_c_clangtidy_checks,"
                          " 'extra': g:ale_c_clangtidy_extra_options,"
                          " 'linters': g:ale_linters.c})], '%s')" % out,
                    "-c", "qa!"], check=True, stdin=subprocess.DEVNULL)
    v = json.load(open(out))
    assert "clangtidy" in v["linters"], v
    cmd = [v["exe"]]
    if v["checks"]:
        cmd.append("-checks=" + ",".join(v["checks"]))
    if v["extra"]:
        cmd.append(v["extra"].replace(INSTALLED_PLUGIN, plugin))  # one argument
    cmd += [file, "-p", build]
    # ale/autoload/ale/handlers/gcc.vim
    pattern = re.compile(r"^([a-zA-Z]?:?[^:]+):(\d+):(\d+)?:? ([^:]+): (.+)$")
    return cmd, pattern, {}, None


def main():
    editor, cfg_dir, plugin, project, file, build = sys.argv[1:]
    cmd, pattern, env, fixes = globals()[editor](cfg_dir, plugin, file, build)
    print("COMMAND: " + shlex.join(cmd))
    r = subprocess.run(cmd, cwd=project, capture_output=True, text=True,
                       env=dict(os.environ, **env))
    for line in r.stdout.splitlines():
        m = pattern.match(line)
        if m:
            print("PARSED: %s:%s:%s: %s: %s" % (os.path.basename(m[1]), m[2], m[3],
                                               m[4], m[5]))
    if fixes:
        text = open(fixes).read()
        for name in re.findall(r"DiagnosticName:\s*(\S+)", text):
            print("FIXES-YAML: " + name)
    sys.stderr.write(r.stderr)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
