#!/usr/bin/env python3
"""Opens, edits and saves FILE through `gradlint --lsp` started in CWD, and
says what each step did to the cache folder CACHE (GRADLINT_CACHE_DIR):
how many facts entries and precompiled headers it gained. The diagnostics
of each step must equal `gradlint --format=json` on the file as it is then
(run after the cache folder is looked at).

usage: cache_client.py GRADLINT CWD FILE CACHE [-- SERVER OPTIONS]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client  # noqa: E402


def entries(cache):
    """Every file of the cache folder, by inode and size: entries are
    written to a temporary file renamed into place, so a written entry is
    a new inode, while a hit only touches its time (a PCH is large: not
    read here): (inode, size, mtime)."""
    out = {}
    for root, _, files in os.walk(cache):
        for f in files:
            p = os.path.join(root, f)
            try:
                st = os.stat(p)
            except FileNotFoundError:  # an entry being renamed into place
                continue
            out[p] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def written(before, after):
    """The facts entries, API-model PCHs and real-header PCHs written
    between two snapshots (new, or rewritten)."""
    changed = [p for p, v in after.items() if before.get(p, (None,))[:2] != v[:2]]
    def pch(kind):
        return sum(os.path.basename(p).startswith(kind + "-") and p.endswith(".pch")
                   for p in changed)
    facts = [p for p in changed if os.path.basename(os.path.dirname(p)) == "facts"]
    # A parse against a gradlint PCH touches it (the cache's LRU order): the
    # same inode and size, a newer time.
    touched = sum(p.endswith(".pch") and p in before and before[p][:2] == v[:2]
                  and v[2] > before[p][2] for p, v in after.items())
    with_pch = min(len(facts), touched)
    return len(facts), with_pch, pch("api"), pch("real")


def same_as_command(gradlint, path, options, diags, others):
    want = lsp_client.expected_from_json(gradlint, path, options)
    me = os.path.realpath(path)
    got = {me: lsp_client.got_from_lsp(diags)}
    for other, d in others.items():
        got[other] = lsp_client.got_from_lsp(d)
    want.setdefault(me, [])
    if got != want:
        print("FAIL: the server and the command differ")
        print("  command: %s" % want)
        print("  server:  %s" % got)
        return False
    return True


def main():
    gradlint, cwd, path, cache = sys.argv[1:5]
    options = sys.argv[6:] if len(sys.argv) > 5 and sys.argv[5] == "--" else []
    path = os.path.abspath(path)
    lsp_client.LOG = lambda *a: None
    c = lsp_client.Client([gradlint, "--lsp", "-v"] + options, cwd)
    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    c.response(1)
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = lsp_client.uri_of(path)
    status = 0

    def step(name, before):
        nonlocal status
        diags = c.diagnostics(uri)
        # What the server wrote, before the command runs for the comparison.
        facts, with_pch, api, real = written(before, entries(cache))
        ok = same_as_command(gradlint, path, options, diags, c.others)
        status |= not ok
        print("%s: %d diagnostics, %s; cache: %d facts written (%d parsed "
              "with a PCH), %d API PCH, %d real PCH" % (
                  name, len(diags), "same as --format=json" if ok else "DIFFERENT",
                  facts, with_pch, api, real))
        for d in diags:
            print("  %s" % d["message"].split(";")[0])

    before = entries(cache)
    text = open(path, encoding="utf-8").read()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "cpp",
                                        "version": 1, "text": text}}})
    step("open", before)

    # An edit that changes a finding (a fourth sigmoid), then a save.
    before = entries(cache)
    edited = text.replace("return torch::sigmoid(fc3->forward(X));",
                          "X = torch::sigmoid(fc3->forward(X));\n"
                          "    return torch::sigmoid(X);")
    if edited == text:
        raise SystemExit("FAIL: the edit did not apply")
    with open(path, "w", encoding="utf-8") as f:
        f.write(edited)
    # Saved a while ago: the result cache does not store facts of a file
    # written within a clock tick of the parse (they may be of either
    # version), which would hide the entry this step looks for.
    import time
    past = time.time() - 10
    os.utime(path, (past, past))
    c.send({"jsonrpc": "2.0", "method": "textDocument/didSave",
            "params": {"textDocument": {"uri": uri}}})
    step("save", before)

    c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    c.response(2)
    c.send({"jsonrpc": "2.0", "method": "exit"})
    c.proc.stdin.close()
    print("exit status: %d" % c.proc.wait(timeout=lsp_client.TIMEOUT))
    return status


if __name__ == "__main__":
    sys.exit(main())
