//===- test/unit/report/check_docs.cpp - The built-in pages ---------------===//

#include "lint/report/CheckDocs.h"

#include <gtest/gtest.h>

using namespace gradlint::lint;

namespace {

TEST(CheckDocs, EveryPageIsBuiltIn) {
  std::optional<llvm::StringRef> Page = checkDoc("gradlint-tiny-learning-rate");
  ASSERT_TRUE(Page);
  EXPECT_TRUE(Page->starts_with("# gradlint-tiny-learning-rate\n"));
  EXPECT_FALSE(checkDoc("gradlint-no-such-check"));
  EXPECT_FALSE(checkDoc("index"));
}

TEST(CheckDocs, UrlEndsInTheCheckPage) {
  EXPECT_EQ(checkDocUrl("gradlint-x", "https://h/docs"),
            "https://h/docs/checks/gradlint-x.md");
  EXPECT_EQ(checkDocUrl("gradlint-x", "https://h/docs/"),
            "https://h/docs/checks/gradlint-x.md");
}

TEST(CheckDocs, RelativeLinksBecomeAbsolute) {
  std::string Base = "https://h/docs/";
  EXPECT_EQ(absoluteLinks("see [a](gradlint-a.md) and [p](../probe.md#v)",
                          Base),
            "see [a](https://h/docs/checks/gradlint-a.md) and "
            "[p](https://h/docs/probe.md#v)");
  EXPECT_EQ(absoluteLinks("[x](https://e.org/a) [y](#here) [z](./b.md)", Base),
            "[x](https://e.org/a) [y](#here) "
            "[z](https://h/docs/checks/b.md)");
  // '..' never climbs above docs/.
  EXPECT_EQ(absoluteLinks("[r](../../README.md)", Base),
            "[r](https://h/docs/README.md)");
  EXPECT_EQ(absoluteLinks("no links (here)", Base), "no links (here)");
}

} // namespace
