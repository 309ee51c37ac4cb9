"""Prints the first fenced block of LANG after the line containing MARKER
in DOC: the tests run what the documentation says, not a copy of it."""
import sys

doc, marker, lang = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(doc, encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if marker in l)
i = next(j for j in range(start, len(lines)) if lines[j].strip() == "```" + lang)
out = []
for l in lines[i + 1:]:
    if l.strip() == "```":
        break
    out.append(l)
print("\n".join(out))
