"""Checks gradlint's JSON report against the format in docs/usage.md."""
import json
import sys

report = json.load(open(sys.argv[1]))
assert report["version"] == 1, report
assert list(report) == ["version", "findings", "errors", "partial"], list(report)
for f in report["findings"]:
    assert list(f)[:6] == ["check", "severity", "message", "file", "line", "column"], list(f)
    assert f["severity"] in ("error", "warning", "note")
    assert isinstance(f["line"], int) and isinstance(f["column"], int)
    for n in f["notes"]:
        assert set(n) == {"file", "line", "column", "message"}, n
    if f["probe"] is not None:
        assert f["probe"]["verdict"] in ("confirmed", "not-confirmed", "not-probed")
        assert isinstance(f["probe"]["summary"], str)
        assert set(f["probe"]["measurements"]) == {"as_written", "fixed"}
for e in report["errors"]:
    assert set(e) == {"file", "message"}, e
for p in report["partial"]:
    assert list(p) == ["file", "line", "column", "reason", "missing_headers",
                       "first_error", "error_count"], list(p)
    assert isinstance(p["line"], int) and isinstance(p["column"], int)
    assert isinstance(p["reason"], str) and p["reason"]
    assert all(isinstance(h, str) for h in p["missing_headers"])
    assert p["first_error"] is None or isinstance(p["first_error"], str)
    assert isinstance(p["error_count"], int)
print("ok: %d findings, %d errors" % (len(report["findings"]), len(report["errors"])))
