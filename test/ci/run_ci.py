#!/usr/bin/env python3
"""Runs the GitHub Action or the GitLab template the way the runner would,
in WORKDIR (a checked-out project), and prints what each step did.

  run_ci.py github SOURCE_ROOT WORKDIR [INPUT=VALUE ...]
  run_ci.py gitlab SOURCE_ROOT WORKDIR [VARIABLE=VALUE ...]

GitHub: the composite steps of action.yml in order, with the inputs'
defaults and the given ones, the environment a runner sets (GITHUB_*), each
step's `if:` (the forms the action uses), `${{ }}` expressions of inputs
and step outputs, and $GITHUB_OUTPUT read back after each step. A `uses:`
step (upload-sarif, upload-artifact) cannot run here: it is printed with
its resolved `with:` and whether the file it would upload is there.

GitLab: the `gradlint` job of the template (with what it extends): its
variables (the given ones win; `$NAME` in a value expanded as GitLab
does), then before_script and script, line by line, in one bash, stopping
at the first failure; apt-get lines need root and the network and are
skipped. Then the artefacts the job keeps, and whether each is there.

The environment of this script reaches the steps (a test sets
GRADLINT_CI_INSTALL_ROOT or GRADLINT_CI_GRADLINT there). Exits 0; the
job's result is printed.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def value_of(ref, inputs, outputs):
    m = re.fullmatch(r"inputs\.([\w-]+)", ref)
    if m:
        return inputs[m.group(1)]
    m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", ref)
    if m:
        return outputs.get(m.group(1), {}).get(m.group(2), "")
    raise SystemExit("FAIL: unsupported expression '%s'" % ref)


def substitute(text, inputs, outputs):
    return EXPR.sub(lambda m: value_of(m.group(1), inputs, outputs), str(text))


def condition(expr, inputs, outputs, failed):
    """`if:` as the action writes it: terms joined by &&, each always(),
    success(), failure(), or `REF == 'x'` / `REF != 'x'`."""
    if expr is None:
        return not failed
    result, status_fn = True, False
    for term in (t.strip() for t in expr.split("&&")):
        if term == "always()":
            status_fn = True
        elif term == "success()":
            status_fn = True
            result &= not failed
        elif term == "failure()":
            status_fn = True
            result &= failed
        else:
            m = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", term)
            if not m:
                raise SystemExit("FAIL: unsupported condition '%s'" % term)
            v = value_of(m.group(1), inputs, outputs)
            result &= (v == m.group(3)) == (m.group(2) == "==")
    # Without a status function, success() is implied.
    return result and (status_fn or not failed)


def read_outputs(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v
    return out


def describe(path, workdir):
    p = os.path.join(workdir, path)
    if os.path.isdir(p):
        return "%s/ (%d files)" % (path.rstrip("/"), sum(len(f) for _, _, f in os.walk(p)))
    if os.path.isfile(p):
        return "%s (%d bytes)" % (path, os.path.getsize(p))
    return "%s MISSING" % path


def github(root, workdir, given):
    action = yaml.safe_load(open(os.path.join(root, "action.yml"), encoding="utf-8"))
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    for k, v in given.items():
        if k not in inputs:
            raise SystemExit("FAIL: the action has no input '%s'" % k)
        inputs[k] = v
    tmp = tempfile.mkdtemp(prefix="gh-runner-")
    env = dict(os.environ, CI="true", GITHUB_ACTIONS="true",
               GITHUB_WORKSPACE=workdir, GITHUB_ACTION_PATH=root,
               RUNNER_TEMP=tmp, GITHUB_STEP_SUMMARY=os.path.join(tmp, "summary.md"))
    outputs, failed = {}, False
    for i, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", "step %d" % i)
        if not condition(step.get("if"), inputs, outputs, failed):
            print("step '%s': skipped" % name)
            continue
        if "uses" in step:
            w = {k: substitute(v, inputs, outputs) for k, v in step.get("with", {}).items()}
            what = w.get("sarif_file") or w.get("path")
            print("step '%s': uses %s: not run here; %s" % (
                name, step["uses"], describe(what, workdir) if what else "nothing to upload"))
            continue
        step_env = dict(env, **{k: substitute(v, inputs, outputs)
                                for k, v in step.get("env", {}).items()})
        out_file = os.path.join(tmp, "output-%d" % i)
        open(out_file, "w").close()
        step_env["GITHUB_OUTPUT"] = out_file
        # As the runner does: the run text in a file, run with the shell.
        script = os.path.join(tmp, "step-%d.sh" % i)
        with open(script, "w") as f:
            f.write(substitute(step["run"], inputs, outputs))
        shell = {"bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"]}[step["shell"]]
        status = subprocess.run(shell + [script], cwd=workdir, env=step_env).returncode
        if "id" in step:
            outputs[step["id"]] = read_outputs(out_file)
        print("step '%s': exit %d%s" % (name, status, "".join(
            "; %s=%s" % kv for kv in sorted(read_outputs(out_file).items()))))
        failed |= status != 0
    print("job: %s" % ("failed" if failed else "succeeded"))
    summary = env["GITHUB_STEP_SUMMARY"]
    if os.path.exists(summary):
        for line in open(summary, encoding="utf-8"):
            print("summary: %s" % line.rstrip())


def expand(value, env):
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), str(value))


def gitlab(root, workdir, given):
    t = yaml.safe_load(open(os.path.join(root, "ci", "gitlab", "gradlint.gitlab-ci.yml"),
                            encoding="utf-8"))
    job = dict(t["gradlint"])
    base = t[job.pop("extends")]
    job = dict(base, **job)
    env = dict(os.environ, CI="true", GITLAB_CI="true", CI_PROJECT_DIR=workdir)
    env.update({k: v for k, v in given.items() if k.startswith("CI_")})
    for k, v in job.get("variables", {}).items():
        env[k] = expand(v, env)
    env.update({k: v for k, v in given.items() if not k.startswith("CI_")})
    lines = job.get("before_script", []) + job.get("script", [])
    failed = False
    for line in lines:
        if line.startswith("apt-get"):
            print("line: skipped (needs root and the network): %s" % line.split("&&")[0].strip())
            continue
        status = subprocess.run(["bash", "-eo", "pipefail", "-c", line], cwd=workdir,
                                env=env).returncode
        print("line: exit %d: %s" % (status, line))
        if status:
            failed = True
            break
    print("job: %s" % ("failed" if failed else "succeeded"))
    art = job.get("artifacts", {})
    if art.get("when") == "always" or not failed:
        for p in art.get("paths", []):
            print("artefact: %s" % describe(p, workdir))
        for kind, p in art.get("reports", {}).items():
            print("report %s: %s" % (kind, describe(p, workdir)))


def main():
    kind, root, workdir = sys.argv[1:4]
    given = dict(a.split("=", 1) for a in sys.argv[4:])
    sys.stdout.reconfigure(line_buffering=True)
    {"github": github, "gitlab": gitlab}[kind](os.path.abspath(root),
                                                os.path.abspath(workdir), given)
    return 0


if __name__ == "__main__":
    sys.exit(main())
