//===- test/unit/report/baseline_fingerprint.cpp - Fingerprints -----------===//
//
// A fingerprint is what a finding means: the statement's tokens however
// they are laid out, the names the message quotes, never the line.
//
//===----------------------------------------------------------------------===//

#include "lint/report/Baseline.h"
#include "lint/report/SourceCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace gradlint;
using namespace gradlint::lint;

namespace {

TEST(StatementTokens, SameTokensHoweverLaidOut) {
  llvm::StringRef OneLine =
      "void f() {\n  torch::optim::Adam Opt(M->parameters(), 1e-10);\n}\n";
  llvm::StringRef Split = "void f() {\n    torch::optim::Adam Opt(\n"
                          "        M->parameters(),\n        1e-10);\n}\n";
  std::string A = statementTokens(OneLine, OneLine.find("1e-10"));
  std::string B = statementTokens(Split, Split.find("1e-10"));
  EXPECT_EQ(A, "torch::optim::AdamOpt(M->parameters(),1e-10)");
  EXPECT_EQ(A, B);
}

TEST(StatementTokens, CommentsAndDirectivesBeforeAreNotPartOfIt) {
  llvm::StringRef Text = "{\n// the rate\n#define R 1\n  /* x */ int y = 3;\n}";
  EXPECT_EQ(statementTokens(Text, Text.find("y =")), "inty=3");
}

TEST(StatementTokens, AnotherStatementDiffers) {
  llvm::StringRef Text = "{ a = 1; b = 2; }";
  EXPECT_EQ(statementTokens(Text, Text.find("a")), "a=1");
  EXPECT_EQ(statementTokens(Text, Text.find("b")), "b=2");
  EXPECT_EQ(statementTokens(Text, Text.size() + 5), "");
}

TEST(QuotedNames, InOrder) {
  EXPECT_EQ(quotedNames("submodule 'fc2' is used in 'forward'"),
            (std::vector<std::string>{"fc2", "forward"}));
  EXPECT_TRUE(quotedNames("learning rate 1e-10").empty());
}

/// A finding of \p Check at \p Line:\p Col of \p File, quoting \p Name.
ir::Finding finding(const std::string &File, unsigned Line, unsigned Col,
                    const std::string &Name) {
  ir::Finding F;
  F.Check = "gradlint-tiny-learning-rate";
  F.Loc = {File, Line, Col, 0};
  F.Message = "rate of '" + Name + "' too small";
  return F;
}

class FingerprintFiles : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> Dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("gradlint-fp", Dir));
    Root = std::string(Dir);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }
  std::string write(const std::string &Name, llvm::StringRef Text) {
    std::string Path = Root + "/" + Name;
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
    return Path;
  }
  std::string Root;
};

TEST_F(FingerprintFiles, ReflowedStatementKeepsItsFingerprint) {
  std::string A = write("a.cpp", "void f() {\n  Adam Opt(M, 1e-10);\n}\n");
  std::string B =
      write("b.cpp", "// moved\n\nvoid f() {\n    Adam Opt(M,\n"
                     "             1e-10);\n}\n");
  SourceCache Sources;
  // The same relative name under two roots: only the layout differs.
  std::vector<std::string> PA =
      fingerprints({finding(A, 2, 15, "Opt")}, Sources, Root);
  std::string Moved = Root + "/moved";
  llvm::sys::fs::create_directory(Moved);
  std::string B2 = Moved + "/a.cpp";
  llvm::sys::fs::rename(B, B2);
  std::vector<std::string> PB =
      fingerprints({finding(B2, 5, 14, "Opt")}, Sources, Moved);
  ASSERT_EQ(PA.size(), 1u);
  EXPECT_EQ(PA, PB);
}

TEST_F(FingerprintFiles, NamesFileAndOccurrenceCount) {
  std::string A = write("a.cpp", "void f() {\n  Adam Opt(M, 1e-10);\n}\n");
  SourceCache Sources;
  std::vector<std::string> P = fingerprints(
      {finding(A, 2, 15, "Opt"), finding(A, 2, 15, "Other"),
       finding(A, 2, 15, "Opt")},
      Sources, Root);
  ASSERT_EQ(P.size(), 3u);
  EXPECT_NE(P[0], P[1]); // another quoted name
  EXPECT_NE(P[0], P[2]); // the second of two equal findings
  std::string B = write("b.cpp", "void f() {\n  Adam Opt(M, 1e-10);\n}\n");
  EXPECT_NE(P[0], fingerprints({finding(B, 2, 15, "Opt")}, Sources, Root)[0]);
}

} // namespace
