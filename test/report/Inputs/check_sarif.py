"""Validates a SARIF log against the official 2.1.0 schema, and what
gradlint promises beyond it: each rule's help is its check's page with
absolute links and an absolute helpUri; results name repo-relative files.
Prints one line per result and per notification, then "valid"."""
import json
import re
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema)
run = log["runs"][0]
rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
for r in rules.values():
    assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    if not r["id"].startswith("gradlint-"):
        continue
    assert re.match(r"^https?://", r["helpUri"]), r["helpUri"]
    assert r["helpUri"].endswith("/checks/%s.md" % r["id"]), r["helpUri"]
    md = r["help"]["markdown"]
    assert md.startswith("# %s\n" % r["id"]), md[:80]
    assert r["help"]["text"] and ".." not in r["shortDescription"]["text"]
    for target in re.findall(r"\]\(([^)]*)\)", md):
        assert re.match(r"^(https?://|#)", target), target
inv = run["invocations"][0]
print("executionSuccessful", inv["executionSuccessful"])
for n in inv.get("toolExecutionNotifications", []):
    print("notification", n["level"], n["message"]["text"])
for res in run["results"]:
    assert res["ruleId"] in rules
    loc = res["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/"), loc
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert loc["region"]["startLine"] >= 1
    extra = []
    if "baselineState" in res:
        extra.append("baseline=" + res["baselineState"])
    for s in res.get("suppressions", []):
        extra.append("suppressed=" + s["kind"])
    for fix in res.get("fixes", []):
        for change in fix["artifactChanges"]:
            for r in change["replacements"]:
                extra.append("fix=%s@%d+%d:%r" % (
                    change["artifactLocation"]["uri"],
                    r["deletedRegion"]["byteOffset"],
                    r["deletedRegion"]["byteLength"],
                    r.get("insertedContent", {}).get("text", "")))
    print("result", res["ruleId"], loc["artifactLocation"]["uri"],
          loc["region"]["startLine"],
          res["partialFingerprints"]["gradlintFingerprint/v2"], *extra)
print("valid")
