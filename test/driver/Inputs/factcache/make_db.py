"""Writes ROOT/compile_commands.json for every .cpp under ROOT: each
project's include/ (ROOT/<project>/include) on the include path, C++17."""
import json
import os
import sys

root = os.path.abspath(sys.argv[1])
entries = []
for dirpath, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if not name.endswith(".cpp"):
            continue
        path = os.path.join(dirpath, name)
        project = os.path.relpath(path, root).split(os.sep)[0]
        entries.append({"directory": root, "file": path,
                        "arguments": ["c++", "-std=c++17",
                                      "-I" + os.path.join(root, project, "include"),
                                      "-c", path]})
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
print(len(entries))
