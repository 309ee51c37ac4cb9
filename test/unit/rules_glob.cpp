// clang-tidy's check globs ('*' only, a leading '-' negates, the last
// match wins), and their cost: globs come from .clang-tidy files and NOLINT
// comments of untrusted repositories.
#include "rules/Registry.h"

#include <gtest/gtest.h>

#include <string>

using gradlint::rules::globListMatches;

TEST(Glob, StarsMatchAnyRun) {
  EXPECT_TRUE(globListMatches("*", "gradlint-tiny-learning-rate", false));
  EXPECT_TRUE(globListMatches("gradlint-*", "gradlint-tiny-learning-rate", false));
  EXPECT_TRUE(globListMatches("*-rate", "gradlint-tiny-learning-rate", false));
  EXPECT_TRUE(globListMatches("g*t*y*", "gradlint-tiny-learning-rate", false));
  EXPECT_TRUE(globListMatches("**a**", "a", false));
  EXPECT_TRUE(globListMatches("a*b*c", "abbbc", false));
  EXPECT_FALSE(globListMatches("a*b*c", "abbbcd", false));
  EXPECT_FALSE(globListMatches("*-rat", "gradlint-tiny-learning-rate", false));
  EXPECT_FALSE(globListMatches("gradlint", "gradlint-tiny-learning-rate", false));
  EXPECT_FALSE(globListMatches("x*", "", false));
  EXPECT_TRUE(globListMatches("*", "", false));
}

TEST(Glob, LastMatchWins) {
  EXPECT_FALSE(globListMatches("*,-gradlint-*", "gradlint-x", true));
  EXPECT_TRUE(globListMatches("-*, gradlint-x", "gradlint-x", false));
  EXPECT_TRUE(globListMatches("-other", "gradlint-x", true));
  EXPECT_FALSE(globListMatches("", "gradlint-x", false));
}

// The recursive matcher tried every split of the name among the stars:
// C(27+40, 40) calls for this one. The greedy one is |glob| * |name|.
TEST(Glob, ManyStarsAreLinear) {
  std::string Stars(40, '*');
  EXPECT_FALSE(globListMatches(Stars + "x", "gradlint-tiny-learning-rate", false));
  EXPECT_TRUE(globListMatches(Stars + "e", "gradlint-tiny-learning-rate", false));
  std::string Alternating;
  for (int I = 0; I < 1000; ++I)
    Alternating += "*a";
  EXPECT_FALSE(globListMatches(Alternating + "*z", std::string(5000, 'a'), false));
}
