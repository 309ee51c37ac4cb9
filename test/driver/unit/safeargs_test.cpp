//===- test/driver/unit/safeargs_test.cpp - The compile-flag allow-list ---===//

#include "lint/driver/SafeArgs.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace gradlint::lint;

namespace {

bool has(const std::vector<std::string> &Args, const std::string &Prefix) {
  return std::any_of(Args.begin(), Args.end(), [&](const std::string &A) {
    return A.rfind(Prefix, 0) == 0;
  });
}

} // namespace

TEST(SafeArgs, KeepsIncludePathsDropsModuleFlags) {
  // The include-path group of clang's options also holds the module
  // flags; a module file is loaded state and a module cache a place to
  // write, so neither may come from a compile database.
  std::vector<std::string> Out = safeCompileArgs(
      {"g++", "-std=c++17", "-Iinc", "-isystem", "sys",
       "-fmodule-file=/tmp/x.pcm", "-fmodules-cache-path=/tmp/mc",
       "-fprebuilt-module-path=/tmp/pm", "-fmodules-user-build-path",
       "/tmp/ub", "-c", "a.cpp"},
      InputArgs::Keep);
  EXPECT_TRUE(has(Out, "-Iinc") || has(Out, "-I"));
  EXPECT_TRUE(has(Out, "-isystem"));
  EXPECT_TRUE(has(Out, "-std=c++17"));
  EXPECT_FALSE(has(Out, "-fmodule-file"));
  EXPECT_FALSE(has(Out, "-fmodules-cache-path"));
  EXPECT_FALSE(has(Out, "-fprebuilt-module-path"));
  EXPECT_FALSE(has(Out, "-fmodules-user-build-path"));
  EXPECT_FALSE(has(Out, "/tmp/ub"));
}
