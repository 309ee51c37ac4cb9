#!/usr/bin/env python3
"""Checks that the GitHub Action and the GitLab template parse and fit
scripts/ci/gradlint-ci.sh: every input, step output, subcommand and
GRADLINT_CI_* variable they use exists on the other side, and every input
is used. Prints one line per file; exits 1 on the first list of problems.

usage: validate_ci.py SOURCE_ROOT
"""
import os
import re
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SCRIPT_CALL = re.compile(r'^bash "\$(GITHUB_ACTION_PATH/scripts/ci/gradlint-ci\.sh|GRADLINT_CI_SCRIPT)" (\w+)$')


def script_facts(path):
    text = open(path, encoding="utf-8").read()
    header = "".join(l for l in text.splitlines(True) if l.startswith("#"))
    subcommands = set(re.findall(r"^  (\w+)\) do_\w+ ;;$", text, re.M))
    read = set(re.findall(r"\bGRADLINT_CI_[A-Z_]+\b", text))
    documented = set(re.findall(r"^#   (GRADLINT_CI_[A-Z_]+)", header, re.M))
    outputs = set(re.findall(r"^\s*github_output ([a-z-]+) ", text, re.M))
    return subcommands, read, documented, outputs


def strings(node):
    """Every string in a YAML tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield node


def check_action(path, script):
    subcommands, read, _, outputs = script
    a = yaml.safe_load(open(path, encoding="utf-8"))
    problems = []
    inputs = a.get("inputs", {})
    runs = a.get("runs", {})
    if runs.get("using") != "composite":
        problems.append("runs.using is not composite")
    steps = runs.get("steps", [])
    ids = {s["id"] for s in steps if "id" in s}
    used_inputs = set()
    # `if:` is an expression without ${{ }}.
    exprs = [s["if"] for s in steps if "if" in s]
    for s in list(strings(steps)) + list(strings(a.get("outputs", {}))):
        exprs += EXPR.findall(s)
    for e in exprs:
        for ref in re.findall(r"\b(inputs|steps)\.([\w-]+)(?:\.outputs\.([\w-]+))?", e):
            kind, name, out = ref
            if kind == "inputs":
                used_inputs.add(name)
                if name not in inputs:
                    problems.append("unknown input '%s'" % name)
            elif name not in ids:
                problems.append("unknown step id '%s'" % name)
            elif out not in outputs:
                problems.append("step output '%s' is not written by the script" % out)
    for name in inputs:
        if name not in used_inputs:
            problems.append("input '%s' is never used" % name)
        if "description" not in inputs[name]:
            problems.append("input '%s' has no description" % name)
    calls = 0
    for s in steps:
        if "run" in s:
            if s.get("shell") != "bash":
                problems.append("step '%s' has no shell: bash" % s.get("name"))
            m = SCRIPT_CALL.match(s["run"].strip())
            if not m:
                problems.append("step '%s' does not call the script: %s" % (s.get("name"), s["run"]))
            elif m.group(2) not in subcommands:
                problems.append("step '%s': the script has no '%s'" % (s.get("name"), m.group(2)))
            else:
                calls += 1
            for var in s.get("env", {}):
                if var not in read:
                    problems.append("step '%s' sets %s, which the script does not read" % (s.get("name"), var))
            if EXPR.search(s["run"]):
                problems.append("step '%s' splices an expression into shell text" % s.get("name"))
        elif "uses" not in s:
            problems.append("step '%s' neither runs nor uses" % s.get("name"))
    if problems:
        print("%s: %s" % (os.path.basename(path), "; ".join(problems)))
        return False
    print("%s: ok: %d inputs, all used; %d steps call the script, %d uses; outputs %s" % (
        os.path.basename(path), len(inputs), calls,
        sum("uses" in s for s in steps), ", ".join(sorted(a.get("outputs", {})))))
    return True


def check_gitlab(path, script):
    subcommands, read, _, _ = script
    t = yaml.safe_load(open(path, encoding="utf-8"))
    problems = []
    base = t.get(".gradlint", {})
    job = t.get("gradlint", {})
    if job.get("extends") != ".gradlint":
        problems.append("job 'gradlint' does not extend .gradlint")
    variables = base.get("variables", {})
    own = {"GRADLINT_CI_SCRIPT", "GRADLINT_CI_SCRIPT_URL"}
    for var in variables:
        if var not in read and var not in own:
            problems.append("variable %s is not read by the script" % var)
    calls = 0
    for line in base.get("before_script", []) + base.get("script", []):
        m = SCRIPT_CALL.match(line.strip())
        if m:
            if m.group(2) not in subcommands:
                problems.append("the script has no '%s'" % m.group(2))
            calls += 1
    art = base.get("artifacts", {})
    paths = [p.rstrip("/") for p in art.get("paths", [])]
    for var in ("GRADLINT_CI_SARIF", "GRADLINT_CI_HTML"):
        if variables.get(var) not in paths:
            problems.append("%s=%s is not an artefact" % (var, variables.get(var)))
    if art.get("reports", {}).get("codequality") != variables.get("GRADLINT_CI_CODEQUALITY"):
        problems.append("the code quality report is not GRADLINT_CI_CODEQUALITY")
    if art.get("when") != "always":
        problems.append("artefacts are not kept when the job fails")
    if problems:
        print("%s: %s" % (os.path.basename(path), "; ".join(problems)))
        return False
    print("%s: ok: %d variables, all read by the script; %d script calls; artefacts %s" % (
        os.path.basename(path), len(variables), calls, ", ".join(paths)))
    return True


def check_docs(root):
    """The YAML snippets of docs/integrations.md that use the action or the
    template name only inputs and variables they have, the input table
    lists every input, and every URL into the repository at the release
    tag names a file that exists, at the version CMake builds."""
    doc = open(os.path.join(root, "docs", "integrations.md"), encoding="utf-8").read()
    action = yaml.safe_load(open(os.path.join(root, "action.yml"), encoding="utf-8"))
    template_path = os.path.join(root, "ci", "gitlab", "gradlint.gitlab-ci.yml")
    template = yaml.safe_load(open(template_path, encoding="utf-8"))
    version = re.search(r"project\(gradlint VERSION ([0-9.]+)",
                        open(os.path.join(root, "CMakeLists.txt")).read()).group(1)
    inputs = action["inputs"]
    variables = template[".gradlint"]["variables"]
    problems = []
    uses = includes = 0
    for block in re.findall(r"```yaml\n(.*?)```", doc, re.S):
        y = yaml.safe_load(block)
        for job in (y or {}).get("jobs", {}).values() if isinstance(y, dict) else []:
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("gradlint/gradlint@"):
                    uses += 1
                    if step["uses"] != "gradlint/gradlint@v" + version:
                        problems.append("docs use %s, not v%s" % (step["uses"], version))
                    for k in step.get("with", {}):
                        if k not in inputs:
                            problems.append("docs pass unknown input '%s'" % k)
        if isinstance(y, dict) and "include" in y:
            includes += 1
        if isinstance(y, dict) and isinstance(y.get("gradlint"), dict):
            for k in y["gradlint"].get("variables", {}):
                if k not in variables:
                    problems.append("docs set unknown variable %s" % k)
    table = set(re.findall(r"^\| `([\w-]+)`(?:, `([\w-]+)`)? \|", doc, re.M))
    listed = {n for pair in table for n in pair if n}
    for name in inputs:
        if name not in listed:
            problems.append("input '%s' is not in the docs' table" % name)
    for name in listed - set(inputs):
        problems.append("the docs' table lists '%s', not an input" % name)
    texts = doc + open(os.path.join(root, "action.yml")).read() + open(template_path).read()
    urls = set(re.findall(r"https://raw\.githubusercontent\.com/gradlint/gradlint/v([0-9.]+)/([\w./-]+)", texts))
    for tag, path in urls:
        if tag != version:
            problems.append("URL at v%s, not v%s: %s" % (tag, version, path))
        if not os.path.exists(os.path.join(root, path)):
            problems.append("URL names %s, which does not exist" % path)
    texts += open(os.path.join(root, "scripts", "ci", "gradlint-ci.sh")).read()
    for tag, deb in re.findall(r"releases/download/v([0-9.]+)/gradlint_([0-9.]+)_amd64\.deb", texts):
        if tag != version or deb != version:
            problems.append("release asset v%s/gradlint_%s, not %s" % (tag, deb, version))
    defaults = {str(inputs["version"]["default"]), str(variables["GRADLINT_CI_VERSION"])}
    if defaults != {version}:
        problems.append("default versions %s, not %s" % (sorted(defaults), version))
    if problems:
        print("integrations.md: %s" % "; ".join(problems))
        return False
    print("integrations.md: ok: %d workflows use the action, %d include the template, "
          "every input in the table, %d raw URLs at v%s" % (uses, includes, len(urls), version))
    return True


def main():
    root = sys.argv[1]
    script_path = os.path.join(root, "scripts", "ci", "gradlint-ci.sh")
    script = script_facts(script_path)
    ok = True
    undocumented = sorted(script[1] - script[2])
    if undocumented:
        print("gradlint-ci.sh: not in its header: %s" % ", ".join(undocumented))
        ok = False
    else:
        print("gradlint-ci.sh: ok: subcommands %s; %d settings, all documented" % (
            ", ".join(sorted(script[0])), len(script[1])))
    ok &= check_action(os.path.join(root, "action.yml"), script)
    ok &= check_gitlab(os.path.join(root, "ci", "gitlab", "gradlint.gitlab-ci.yml"), script)
    ok &= check_docs(root)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
