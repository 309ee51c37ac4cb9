"""Validates a SARIF log against the official 2.1.0 schema."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema)
run = log["runs"][0]
rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
for r in rules.values():
    assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
    assert "docs/checks/%s.md" % r["id"] in r["help"]["text"], r["help"]
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
for res in run["results"]:
    assert res["ruleId"] in rules
    loc = res["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/"), loc
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert loc["region"]["startLine"] >= 1
    print("result", res["ruleId"], loc["artifactLocation"]["uri"],
          loc["region"]["startLine"], res["partialFingerprints"]["gradlintFingerprint/v1"])
print("valid")
