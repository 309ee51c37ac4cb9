#!/usr/bin/env python3
"""A scripted Language Server Protocol client for `gradlint --lsp`.

Spawns the server, sends malformed input first (which must not end it),
then initialize, didOpen and didSave of FILE, shutdown and exit. Prints
what the server answered, one line per fact, for FileCheck; and compares
the diagnostics published for FILE with `gradlint --format=json` on the
same file, failing on any difference.

usage: lsp_client.py GRADLINT FILE [-- SERVER AND COMMAND OPTIONS]
"""
import json
import os
import select
import subprocess
import sys
import time
from urllib.parse import unquote

TIMEOUT = 120
LOG = print


class Client:
    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, cwd=cwd)
        self.buf = b""

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _fill(self, deadline):
        fd = self.proc.stdout.fileno()
        left = deadline - time.time()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise SystemExit("FAIL: no answer from the server in time")
        chunk = os.read(fd, 65536)
        if not chunk:
            raise SystemExit("FAIL: the server closed its output")
        self.buf += chunk

    def receive(self):
        deadline = time.time() + TIMEOUT
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise SystemExit("FAIL: a message without Content-Length")
        while len(self.buf) < length:
            self._fill(deadline)
        body, self.buf = self.buf[:length], self.buf[length:]
        return json.loads(body)

    def response(self, id_):
        while True:
            m = self.receive()
            if "method" not in m and m.get("id") == id_:
                return m
            LOG("unexpected: %s" % json.dumps(m))

    def diagnostics(self, uri):
        """The publishDiagnostics for uri; those for other files (headers),
        which come first, in self.others by path."""
        self.others = {}
        while True:
            m = self.receive()
            if m.get("method") == "textDocument/publishDiagnostics":
                if m["params"]["uri"] == uri:
                    return m["params"]["diagnostics"]
                path = unquote(m["params"]["uri"][len("file://"):])
                LOG("published for another file: %s" % os.path.basename(path))
                self.others[os.path.realpath(path)] = m["params"]["diagnostics"]


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


SEVERITY = {"error": 1, "warning": 2, "note": 3}


def expected_from_json(gradlint, path, options):
    out = subprocess.run([gradlint, "--format=json", "--fail-on=never",
                          "--quiet", path] + options,
                         stdout=subprocess.PIPE, check=False).stdout
    report = json.loads(out)
    want = {}
    for f in report["findings"]:
        # A header's path may be relative to the compile directory, here
        # the file's own.
        file = os.path.join(os.path.dirname(os.path.abspath(path)), f["file"])
        want.setdefault(os.path.realpath(file), []).append(
            (f["line"] - 1, f["column"] - 1, SEVERITY[f["severity"]],
             f["check"], f["message"], len(f["notes"]),
             f["probe"] is not None))
    return {k: sorted(v) for k, v in want.items()}


def got_from_lsp(diags):
    got = []
    for d in diags:
        message = d["message"].split("\nprobe: ")[0]
        got.append((d["range"]["start"]["line"],
                    d["range"]["start"]["character"], d["severity"],
                    d["code"], message, len(d.get("relatedInformation", [])),
                    "\nprobe: " in d["message"]))
    return sorted(got)


def main():
    gradlint, path = sys.argv[1], sys.argv[2]
    options = sys.argv[4:] if len(sys.argv) > 3 and sys.argv[3] == "--" else []
    # Server options: those before '--' in options apply to every file,
    # compiler arguments after it too.
    return session([gradlint, "--lsp"] + options, gradlint, path, options)


def session(server_argv, gradlint, path, options, out=print, cwd=None):
    """One whole session with the server started as server_argv; 0 if the
    diagnostics published for path equal the command's with options."""
    global LOG
    print = LOG = out  # noqa: A001  (the editor snippets test keeps it quiet)
    c = Client(server_argv, cwd)

    # Malformed input first: none of it may end the server.
    c.raw(b"X-Nonsense: 1\r\n\r\n")                  # no Content-Length
    c.raw(b"Content-Length: abc\r\n\r\n")            # not a number
    c.raw(b"Content-Length: 9\r\n\r\n{not json")     # not JSON
    m = c.receive()
    print("not json: id=%s code=%d" % (m["id"], m["error"]["code"]))
    c.send([1, 2, 3])                                 # not an object
    m = c.receive()
    print("not an object: id=%s code=%d" % (m["id"], m["error"]["code"]))
    c.send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
            "params": {}})
    m = c.response(7)
    print("before initialize: code=%d" % m["error"]["code"])

    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": None, "rootUri": None,
                       "capabilities": {}}})
    m = c.response(1)
    caps = m["result"]["capabilities"]["textDocumentSync"]
    print("initialize: server=%s openClose=%s save=%s" % (
        m["result"]["serverInfo"]["name"], caps["openClose"],
        "save" in caps))
    c.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover",
            "params": {}})
    m = c.response(8)
    print("unknown method: code=%d" % m["error"]["code"])
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    uri = uri_of(path)
    text = open(path, encoding="utf-8").read()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "cpp",
                                        "version": 1, "text": text}}})
    diags = c.diagnostics(uri)
    opened_others = c.others
    for d in diags:
        r = d["range"]
        print("open: %d:%d-%d:%d severity=%d code=%s href=%s related=%d" % (
            r["start"]["line"], r["start"]["character"], r["end"]["line"],
            r["end"]["character"], d["severity"], d["code"],
            d.get("codeDescription", {}).get("href", "").rsplit("/", 1)[-1],
            len(d.get("relatedInformation", []))))
        for line in d["message"].split("\n"):
            print("  message: %s" % line)
    # didChange is not linted; didSave is.
    c.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": 2},
                       "contentChanges": [{"text": text + "\n"}]}})
    c.send({"jsonrpc": "2.0", "method": "textDocument/didSave",
            "params": {"textDocument": {"uri": uri}}})
    saved = c.diagnostics(uri)
    print("save: %d diagnostics" % len(saved))

    saved_others = c.others
    want = expected_from_json(gradlint, path, options)
    me = os.path.realpath(path)
    got = {me: got_from_lsp(diags)}
    for other, d in opened_others.items():
        got[other] = got_from_lsp(d)
    again = {me: got_from_lsp(saved)}
    for other, d in saved_others.items():
        again[other] = got_from_lsp(d)
    want.setdefault(me, [])
    if got != want or again != want:
        print("FAIL: the server and the command differ")
        print("  command: %s" % want)
        print("  server:  %s" % got)
        return 1
    print("same as --format=json: %d findings in %d files" % (
        sum(len(v) for v in want.values()), len(want)))

    c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    m = c.response(2)
    print("shutdown: result=%s" % json.dumps(m["result"]))
    c.send({"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {}})
    m = c.response(3)
    print("after shutdown: code=%d" % m["error"]["code"])
    c.send({"jsonrpc": "2.0", "method": "exit"})
    c.proc.stdin.close()
    print("exit status: %d" % c.proc.wait(timeout=TIMEOUT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
