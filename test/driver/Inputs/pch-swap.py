#!/usr/bin/env python3
"""Puts the PCH cache entry of FROM (a cache folder with one entry) in place
of the entry of TO's key, renamed so that its name still matches its bytes:
a whole, valid-looking entry built for other flags (a restored CI cache).

Usage: pch-swap.py FROM TO
"""
import os
import shutil
import sys


def entry(folder):
    (pch,) = [n for n in os.listdir(folder) if n.endswith(".pch")]
    kind, key, content = pch[:-4].split("-")
    return kind, key, content


def main():
    src, dst = sys.argv[1], sys.argv[2]
    kind, _, content = entry(src)
    dkind, dkey, dcontent = entry(dst)
    for ext in (".pch", ".dep"):
        os.remove(os.path.join(dst, "%s-%s-%s%s" % (dkind, dkey, dcontent, ext)))
        shutil.copy(os.path.join(src, "%s-%s-%s%s" % (kind, _key(src), content, ext)),
                    os.path.join(dst, "%s-%s-%s%s" % (dkind, dkey, content, ext)))


def _key(folder):
    return entry(folder)[1]


if __name__ == "__main__":
    main()
