#!/usr/bin/env python3
"""Runs what each editor snippet of docs/integrations.md runs.

Each snippet is the fenced block after `<!-- snippet: NAME -->`. The
editors are not installed here; what they would execute is: argument lists
run as argv, the VS Code problem matcher's regular expression applied to
real output, ALE's clang-tidy command built from its variables as ALE
builds it. Every result is compared with `gradlint --format=json` on the
same file. Prints one line per snippet.

usage: editor_snippets.py DOC WORKDIR GRADLINT CLANG_TIDY PLUGIN
WORKDIR holds main.cpp (with a finding in the header it includes) and
build/compile_commands.json.
"""
import json
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client  # noqa: E402


def snippets(doc):
    text = open(doc, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r"<!-- snippet: ([a-z0-9-]+) -->\n```[a-z]*\n(.*?)```",
                         text, re.S):
        out[m.group(1)] = m.group(2)
    return out


class Env:
    def __init__(self, work, gradlint, tidy, plugin):
        self.work, self.gradlint, self.tidy, self.plugin = work, gradlint, tidy, plugin
        self.file = os.path.join(work, "main.cpp")

    def exe(self, name):
        return {"gradlint": self.gradlint, "clang-tidy-19": self.tidy}.get(name, name)

    def run(self, argv):
        argv = [self.exe(argv[0])] + argv[1:]
        return subprocess.run(argv, cwd=self.work, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True).stdout

    def expected(self):
        """(file, line, col, severity, message, check) of every finding and
        note, checks None for notes; from the JSON report."""
        out = self.run(["gradlint", "--no-probe", "--format=json",
                        "--fail-on=never", "--quiet", self.file])
        want = set()
        for f in json.loads(out)["findings"]:
            # Relative to the compile directory, which is WORKDIR.
            at = lambda p: os.path.realpath(os.path.join(self.work, p))
            want.add((at(f["file"]), f["line"], f["column"],
                      f["severity"], f["message"], f["check"]))
            for n in f["notes"]:
                want.add((at(n["file"]), n["line"], n["column"],
                          "note", n["message"], None))
        return want


def vscode_tasks(env, text):
    task = json.loads(text)["tasks"][0]
    sub = lambda s: s.replace("${file}", env.file).replace(
        "${workspaceFolder}", env.work)
    argv = [task["command"]] + [sub(a) for a in task["args"]]
    assert sub(task["options"]["cwd"]) == env.work
    m = task["problemMatcher"]["pattern"]
    regexp = re.compile(m["regexp"])  # the JS syntax used is Python's too
    got = set()
    for line in env.run(argv).splitlines():
        r = regexp.match(line)
        if not r:
            continue
        path = r.group(m["file"])
        path = path if os.path.isabs(path) else os.path.join(env.work, path)
        got.add((os.path.realpath(path), int(r.group(m["line"])),
                 int(r.group(m["column"])), r.group(m["severity"]),
                 r.group(m["message"]), r.group(m["code"])))
    want = env.expected()
    return got == want, "%d problems matched, %d expected" % (len(got), len(want))


def lsp(env, argv):
    lines = []
    server = [env.exe(argv[0])] + argv[1:]
    # Started elsewhere than the project, as an editor may start it.
    status = lsp_client.session(server, env.gradlint, env.file, [],
                                out=lines.append, cwd="/")
    same = [l for l in lines if l.startswith("same as --format=json")]
    return status == 0 and bool(same), "server %s: %s" % (
        " ".join(argv), same[0] if same else "; ".join(lines[-3:]))


def neovim_lsp(env, text):
    cmd = re.search(r"cmd = \{(.*?)\}", text).group(1)
    return lsp(env, re.findall(r'"([^"]*)"', cmd))


def emacs_eglot(env, text):
    cmd = re.search(r'\. \(("[^)]*)\)\)', text).group(1)
    return lsp(env, re.findall(r'"([^"]*)"', cmd))


def ale_clangtidy(env, text):
    var = {}
    for name, value in re.findall(r"let g:(\w+) = (.*)", text):
        var[name] = (re.findall(r"'([^']*)'", value) if value.startswith("[")
                     else value.strip("'"))
    extra = var["ale_cpp_clangtidy_extra_options"].replace(
        "/path/to/build/lib/GradlintTidyModule.so", env.plugin)
    # As ALE's clangtidy linter builds it: '%e -checks=... <extra> %s -p DIR',
    # extra options escaped as one argument.
    argv = [var["ale_cpp_clangtidy_executable"],
            "-checks=" + ",".join(var["ale_cpp_clangtidy_checks"]), extra,
            env.file, "-p", var["ale_c_build_dir"]]
    got = set()
    for line in env.run(argv).splitlines():
        r = re.match(r"^(.+?):(\d+):(\d+): (warning|error): (.*) \[(.*)\]$", line)
        if r:
            got.add((os.path.realpath(os.path.join(env.work, r.group(1))),
                     int(r.group(2)),
                     int(r.group(3)), r.group(4), r.group(5), r.group(6)))
    want = {w for w in env.expected() if w[3] in ("warning", "error")}
    return got == want and bool(want), "%d warnings, %d expected" % (
        len(got), len(want))


def vim_makeprg(env, text):
    value = re.search(r"set makeprg=(.*)", text).group(1).strip()
    # ':set' takes '\ ' for a space; the shell then splits the command.
    argv = shlex.split(value.replace("\\ ", " "))
    argv = [env.file if w == "%" else w for w in argv]
    located = [l for l in env.run(argv).splitlines()
               if re.match(r"^[^ :][^:]*:\d+:\d+:", l)]
    want = env.expected()
    return len(located) == len(want), "%d file:line:col lines, %d expected" % (
        len(located), len(want))


def emacs_flycheck(env, text):
    cmd = re.search(r":command \((.*?)\)\n", text).group(1)
    argv = [env.file if t == "source-original" else t.strip('"')
            for t in re.findall(r'"[^"]*"|[^\s"]+', cmd)]
    patterns = [re.compile(r"^(.+?):(\d+):(\d+): %s: (.*)$" % kind)
                for kind in re.findall(r'": (error|warning|note): "', text)]
    matched = [l for l in env.run(argv).splitlines()
               if any(p.match(l) for p in patterns)]
    want = env.expected()
    return len(matched) == len(want) and len(patterns) == 3, (
        "%d lines matched the error patterns, %d expected" % (len(matched), len(want)))


TESTS = {
    "vscode-tasks": vscode_tasks,
    "neovim-lsp": neovim_lsp,
    "ale-clangtidy": ale_clangtidy,
    "vim-makeprg": vim_makeprg,
    "emacs-flycheck": emacs_flycheck,
    "emacs-eglot": emacs_eglot,
}


def main():
    doc, work, gradlint, tidy, plugin = sys.argv[1:6]
    env = Env(work, gradlint, tidy, plugin)
    found = snippets(doc)
    failed = 0
    for name in sorted(found):
        if name not in TESTS:
            print("%s: FAIL: no test for this snippet" % name)
            failed += 1
            continue
        ok, what = TESTS[name](env, found[name])
        print("%s: %s: %s" % (name, "ok" if ok else "FAIL", what))
        failed += not ok
    for name in sorted(set(TESTS) - set(found)):
        print("%s: FAIL: the snippet is gone from the docs" % name)
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
