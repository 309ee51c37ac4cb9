# -*- Python -*-
# lit configuration for gradlint: what a user sees, checked with FileCheck.
import os
import lit.formats

config.name = "gradlint"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".cpp", ".test", ".json"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "unit", "truth"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.gradlint_obj_root, "test")

src = config.gradlint_src_root
obj = config.gradlint_obj_root
config.environment["PATH"] = os.pathsep.join(
    [os.path.join(obj, "bin"), config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# A stable environment: no colours, no user config leaking in.
config.environment["HOME"] = os.environ.get("HOME", "/root")
# A sanitizer build (scripts/sanitize.sh) is run with its options.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

gradlint = os.path.join(obj, "bin", "gradlint")
api = os.path.join(src, "lint", "api")
config.substitutions.append(("%gradlint", gradlint))
config.substitutions.append(("%api", api))
# Before %api, which is a prefix of it.
config.substitutions.insert(0, ("%apigen", os.path.join(obj, "bin", "gradlint-apigen")))
config.substitutions.append(("%src", src))
config.substitutions.append(("%build", obj))
config.substitutions.append(("%python", "python3"))
# Runs a check test through the command and through clang-tidy --load, and
# requires both to print the same diagnostics.
config.substitutions.append(
    ("%check_gradlint", "python3 %s --gradlint %s --tidy %s --plugin %s --api %s" % (
        os.path.join(src, "test", "check_gradlint.py"), gradlint,
        os.path.join(config.llvm_tools_dir, "clang-tidy"), config.tidy_plugin, api)))

if config.torch_include and os.path.exists(os.path.join(config.torch_include, "torch", "torch.h")):
    config.available_features.add("libtorch")
    config.substitutions.append(("%torch_include", config.torch_include))
if os.path.exists(config.tidy_plugin):
    config.available_features.add("tidy-plugin")
# CI on a fresh machine as root (.ci/run): install the .deb with apt-get.
if os.environ.get("GRADLINT_CI_INSTALL") == "1" and os.getuid() == 0:
    config.available_features.add("ci-install")
