"""Checks gradlint's JSON report against the format in docs/usage.md."""
import json
import sys

report = json.load(open(sys.argv[1]))
assert report["version"] == 1, report
assert list(report) == ["version", "findings", "errors"], list(report)
for f in report["findings"]:
    assert list(f)[:6] == ["check", "severity", "message", "file", "line", "column"], list(f)
    assert f["severity"] in ("error", "warning", "note")
    assert isinstance(f["line"], int) and isinstance(f["column"], int)
    for n in f["notes"]:
        assert set(n) == {"file", "line", "column", "message"}, n
    if f["probe"] is not None:
        assert f["probe"]["verdict"] in ("confirmed", "not-confirmed", "inconclusive", "not-probed")
        assert isinstance(f["probe"]["summary"], str)
        assert set(f["probe"]["measurements"]) == {"as_written", "fixed"}
for e in report["errors"]:
    assert set(e) == {"file", "message"}, e
print("ok: %d findings, %d errors" % (len(report["findings"]), len(report["errors"])))
