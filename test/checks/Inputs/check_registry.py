#!/usr/bin/env python3
"""Ties the registry to docs pages and lit tests.

For every GRADLINT_CHECK line of rules/Checks.def: docs/checks/<name>.md must
exist and state the Summary as its first paragraph, docs/checks/index.md
must list the check with its default, and test/checks/<name>.cpp must exist.
Prints one line per problem and exits 1 if there is any.
"""
import os
import re
import sys

src = sys.argv[1]
line_re = re.compile(r'^GRADLINT_CHECK\("([^"]+)",\s*(\w+),\s*(true|false),\s*"(.*)"\)\s*$')
problems = []
checks = []
for line in open(os.path.join(src, "rules", "Checks.def")):
    if line.startswith("GRADLINT_CHECK("):
        m = line_re.match(line)
        if not m:
            problems.append("rules/Checks.def: unreadable line: " + line.strip())
            continue
        checks.append(m.groups())
if not checks:
    problems.append("rules/Checks.def: no checks")
index_path = os.path.join(src, "docs", "checks", "index.md")
index = open(index_path).read() if os.path.exists(index_path) else ""
for name, cls, on, summary in checks:
    page = os.path.join(src, "docs", "checks", name + ".md")
    if not os.path.exists(page):
        problems.append("%s: no docs page docs/checks/%s.md" % (name, name))
    else:
        paras = [p.strip() for p in open(page).read().split("\n\n")]
        if len(paras) < 2 or paras[1] != summary:
            problems.append("%s: docs page summary differs from Checks.def" % name)
    if not os.path.exists(os.path.join(src, "test", "checks", name + ".cpp")):
        problems.append("%s: no lit test test/checks/%s.cpp" % (name, name))
    row = "| [%s](%s.md) | %s |" % (name, name, "on" if on == "true" else "off")
    if row not in index:
        problems.append("%s: not listed in docs/checks/index.md as '%s'" % (name, row))
    for f in ("%s.h" % cls, "%s.cpp" % cls):
        if not os.path.exists(os.path.join(src, "rules", f)):
            problems.append("%s: no rules/%s" % (name, f))
for p in problems:
    print("registry: " + p)
print("registry: %d checks, %d problems" % (len(checks), len(problems)))
sys.exit(1 if problems else 0)
