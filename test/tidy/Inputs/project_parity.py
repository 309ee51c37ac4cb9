#!/usr/bin/env python3
"""Checks a project's files with the gradlint command (all at once) and with
the clang-tidy plugin (one file at a time, gradlint.FactsDir naming the
facts of all of them) and prints whether both report the same findings.

Usage: project_parity.py --gradlint G --tidy T --plugin P --api A
                         --root ROOT --facts DIR PROJECT...

ROOT holds compile_commands.json; each PROJECT is a folder under ROOT whose
translation units are compared. Findings are compared whole: the warning
(file relative to ROOT, line, column, message) with its notes, except the
plugin's "is included here" note, which the command has no need of.
Prints "same PROJECT (N findings)" or "DIFFERENT PROJECT" followed by the
findings only one front end reported.
"""
import argparse
import json
import os
import re
import subprocess

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|note): (.*?)(?: \[[\w,-]+\])?$")


def findings(text, root):
    out, cur = [], None
    for line in text.splitlines():
        m = DIAG.match(line.strip())
        if not m or m.group(5).startswith("partial analysis") or \
                m.group(5).endswith("is included here"):
            continue
        path = os.path.relpath(os.path.join(root, m.group(1)), root)
        s = "%s:%s:%s: %s: %s" % (path, m.group(2), m.group(3), m.group(4), m.group(5))
        if m.group(4) == "warning":
            cur = [s]
            out.append(cur)
        elif cur is not None:
            cur.append(s)
    return [tuple(f) for f in out]


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--gradlint", "--tidy", "--plugin", "--api", "--root", "--facts"):
        ap.add_argument(opt, required=True)
    ap.add_argument("projects", nargs="+")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    db = json.load(open(os.path.join(root, "compile_commands.json")))
    config = "{Checks: '-*,gradlint-*', CheckOptions: {gradlint.FactsDir: %s}}" % args.facts
    for project in args.projects:
        files = [e["file"] for e in db
                 if e["file"].startswith(os.path.join(root, project) + os.sep)]
        g = subprocess.run([args.gradlint, "--no-probe", "--header-mode=bundled", "-p", root,
                            "--fail-on=never"] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           universal_newlines=True, cwd=root)
        command = sorted(set(findings(g.stdout, root)))
        plugin = set()
        for f in files:
            t = subprocess.run([args.tidy, "--load=" + args.plugin, "--quiet", "-p", root,
                                "--extra-arg=-I" + args.api, "--config=" + config, f],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               universal_newlines=True, cwd=root)
            plugin.update(findings(t.stdout, root))
        plugin = sorted(plugin)
        if command == plugin:
            print("same %s (%d findings)" % (project, len(command)))
            continue
        print("DIFFERENT %s" % project)
        for x in command:
            if x not in plugin:
                print("  command only: " + " | ".join(x))
        for x in plugin:
            if x not in command:
                print("  plugin only: " + " | ".join(x))


if __name__ == "__main__":
    main()
