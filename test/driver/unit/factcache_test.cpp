//===- test/driver/unit/factcache_test.cpp - Facts, shards, progress ------===//

#include "lint/driver/Facts.h"
#include "lint/driver/Options.h"
#include "lint/driver/ProbeCache.h"
#include "lint/driver/Progress.h"
#include "lint/driver/Shard.h"
#include "lint/report/IrJson.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <cmath>
#include <limits>
#include <set>
#include <thread>

using namespace gradlint;
using namespace gradlint::lint;

namespace {

ir::Program everyFieldProgram() {
  auto Buf = llvm::MemoryBuffer::getFile(GRADLINT_DRIVER_INPUTS
                                         "/every-field.model.json");
  EXPECT_TRUE(bool(Buf));
  StatusOr<ir::Program> P = programFromJson((*Buf)->getBuffer());
  EXPECT_TRUE(P.isOk()) << P.status().message();
  return *P;
}

Facts everyFieldFacts() {
  Facts F;
  F.File = "src/net.cpp";
  F.Path = "/work/src/net.cpp";
  F.Result.Result = Outcome::Partial;
  F.Result.Program = everyFieldProgram();
  F.Result.Reason.MissingHeaders = {"config.h", "data/loader.h"};
  F.Result.Reason.MissingAt = {"/work/src/net.cpp", 3, 10, 40};
  F.Result.Reason.FirstError = "unknown type name 'Config'";
  F.Result.Reason.FirstErrorAt = {"/work/include/net.h", 7, 3, 99};
  F.Result.Reason.Errors = 4;
  return F;
}

TEST(Facts, EveryFieldRoundTrips) {
  Facts F = everyFieldFacts();
  std::string Text = factsToJson(F);
  StatusOr<Facts> Back = factsFromJson(Text);
  ASSERT_TRUE(Back.isOk()) << Back.status().message();
  EXPECT_EQ(factsToJson(*Back), Text);
  EXPECT_EQ(Back->File, F.File);
  EXPECT_EQ(Back->Path, F.Path);
  EXPECT_EQ(Back->Result.Result, Outcome::Partial);
  EXPECT_EQ(Back->Result.Reason.MissingHeaders, F.Result.Reason.MissingHeaders);
  EXPECT_EQ(Back->Result.Reason.MissingAt.Offset, 40u);
  EXPECT_EQ(Back->Result.Reason.FirstError, F.Result.Reason.FirstError);
  EXPECT_EQ(Back->Result.Reason.FirstErrorAt.File, "/work/include/net.h");
  EXPECT_EQ(Back->Result.Reason.FirstErrorAt.Line, 7u);
  EXPECT_EQ(Back->Result.Reason.Errors, 4u);
  // The program is every field of the IR: its JSON is unchanged.
  EXPECT_EQ(llvm::formatv("{0}", programToJson(Back->Result.Program)).str(),
            llvm::formatv("{0}", programToJson(F.Result.Program)).str());
  EXPECT_FALSE(Back->Result.Program.Models.empty());
}

TEST(Facts, EveryOutcomeRoundTrips) {
  for (Outcome O : {Outcome::Complete, Outcome::Partial, Outcome::Failed}) {
    Facts F = everyFieldFacts();
    F.Result.Result = O;
    StatusOr<Facts> Back = factsFromJson(factsToJson(F));
    ASSERT_TRUE(Back.isOk());
    EXPECT_EQ(Back->Result.Result, O);
  }
}

TEST(Facts, RejectsWhatIsNotFacts) {
  std::string Text = factsToJson(everyFieldFacts());
  EXPECT_FALSE(factsFromJson(Text.substr(0, Text.size() / 2)).isOk());
  EXPECT_FALSE(factsFromJson("{}").isOk());
  EXPECT_FALSE(factsFromJson("[1]").isOk());
  std::string Other = Text;
  // The last "version" is the facts file's own (keys are sorted).
  std::string Own = "\"version\":" + std::to_string(FactsJsonVersion);
  Other.replace(Other.rfind(Own), Own.size(), "\"version\":9");
  StatusOr<Facts> V = factsFromJson(Other);
  ASSERT_FALSE(V.isOk());
  EXPECT_NE(V.status().message().find("extract again"), std::string::npos);
  std::string BadOutcome = Text;
  BadOutcome.replace(BadOutcome.find("\"partial\""), 9, "\"sideways\"");
  EXPECT_FALSE(factsFromJson(BadOutcome).isOk());
}

TEST(Facts, PathsUnderTheRootAreRelative) {
  EXPECT_EQ(rootRelative("/repo/src/net.cpp", "/repo"), "${root}/src/net.cpp");
  EXPECT_EQ(rootRelative("/repo/src/../net.cpp", "/repo/"), "${root}/net.cpp");
  EXPECT_EQ(rootRelative("/repository/net.cpp", "/repo"), "/repository/net.cpp");
  EXPECT_EQ(rootRelative("/usr/include/c++/12/vector", "/repo"),
            "/usr/include/c++/12/vector");
  EXPECT_EQ(rootRelative("src/net.cpp", "/repo"), "src/net.cpp");
  EXPECT_EQ(rootRelative("/repo", "/repo"), "/repo");
  EXPECT_EQ(rootRelative("/repo/net.cpp", ""), "/repo/net.cpp");
  EXPECT_EQ(fromRootRelative("${root}/src/net.cpp", "/ci/work"),
            "/ci/work/src/net.cpp");
  EXPECT_EQ(fromRootRelative("src/net.cpp", "/ci/work"), "src/net.cpp");
  EXPECT_EQ(fromRootRelative("/usr/include/x.h", "/ci/work"), "/usr/include/x.h");

  // Written under one root, read under another: every location moves.
  Facts F = everyFieldFacts();
  F.File = "/repo/src/net.cpp";
  F.Path = "/repo/src/net.cpp";
  F.Result.Reason.FirstErrorAt.File = "/repo/src/net.h";
  F.Result.Reason.MissingAt.File = "/usr/include/x.h";
  std::string Text = factsToJson(F, "/repo");
  EXPECT_EQ(Text.find("/repo/"), std::string::npos) << Text;
  StatusOr<Facts> Back = factsFromJson(Text, "/ci/work");
  ASSERT_TRUE(Back.isOk()) << Back.status().message();
  EXPECT_EQ(Back->File, "/ci/work/src/net.cpp");
  EXPECT_EQ(Back->Path, "/ci/work/src/net.cpp");
  EXPECT_EQ(Back->Result.Reason.FirstErrorAt.File, "/ci/work/src/net.h");
  EXPECT_EQ(Back->Result.Reason.MissingAt.File, "/usr/include/x.h");
}

TEST(Shard, RelativePath) {
  EXPECT_EQ(relativePath("/a/b/src/x.cpp", "/a/b"), "src/x.cpp");
  EXPECT_EQ(relativePath("/a/src/x.cpp", "/a/build"), "../src/x.cpp");
  EXPECT_EQ(relativePath("/a/b", "/a/b"), ".");
}

TEST(Shard, SlicesCoverEveryFileOnce) {
  std::vector<std::string> Files;
  for (int I = 0; I < 11; ++I)
    Files.push_back("/repo/src/f" + std::to_string(I) + ".cpp");
  std::vector<int> Seen(Files.size(), 0);
  for (unsigned K = 1; K <= 3; ++K) {
    std::vector<size_t> S = shardSlice(Files, "/repo/build", K, 3);
    EXPECT_GE(S.size(), 3u);
    EXPECT_LE(S.size(), 4u);
    for (size_t I : S)
      ++Seen[I];
  }
  for (int N : Seen)
    EXPECT_EQ(N, 1);
}

TEST(Shard, StableAcrossCheckoutsAndOrder) {
  // Another machine: another checkout path, the database listed in another
  // order; each shard holds the same relative files.
  std::vector<std::string> A = {"/x/src/a.cpp", "/x/src/b.cpp", "/x/src/c.cpp",
                                "/x/src/d.cpp"};
  std::vector<std::string> B = {"/ci/w/src/d.cpp", "/ci/w/src/c.cpp",
                                "/ci/w/src/b.cpp", "/ci/w/src/a.cpp"};
  for (unsigned K = 1; K <= 2; ++K) {
    std::set<std::string> SA, SB;
    for (size_t I : shardSlice(A, "/x/build", K, 2))
      SA.insert(relativePath(A[I], "/x/build"));
    for (size_t I : shardSlice(B, "/ci/w/build", K, 2))
      SB.insert(relativePath(B[I], "/ci/w/build"));
    EXPECT_EQ(SA, SB);
  }
}

TEST(Shard, FactsFileNameIsAHash) {
  std::string N = factsFileName("/repo/src/../../etc/passwd");
  EXPECT_EQ(N.size(), 16u + 11u);
  EXPECT_EQ(N.find('/'), std::string::npos);
  EXPECT_NE(N, factsFileName("/repo/src/a.cpp"));
  EXPECT_EQ(factsFileName("/repo/src/a.cpp"), factsFileName("/repo/src/a.cpp"));
}

TEST(Shard, ParseShard) {
  auto Ok = parseShard("2/3");
  ASSERT_TRUE(Ok.isOk());
  EXPECT_EQ(Ok->first, 2u);
  EXPECT_EQ(Ok->second, 3u);
  EXPECT_TRUE(parseShard("1/1").isOk());
  for (const char *Bad : {"", "/", "1/", "/3", "0/3", "4/3", "1/0", "-1/3",
                          "+1/3", "1/3/3", " 1/3", "1/3 ", "0x1/3", "a/b",
                          "1/10001", "99999999999999999999/3"})
    EXPECT_FALSE(parseShard(Bad).isOk()) << Bad;
}

TEST(Progress, Text) {
  EXPECT_EQ(progressText(3, 120, "src/net.cpp", 80), "[3/120] src/net.cpp");
  EXPECT_EQ(progressText(0, 5, "", 80), "[0/5]");
  // Cut from the left to Width - 1 columns.
  std::string T = progressText(3, 120, "src/models/deep/net.cpp", 20);
  EXPECT_EQ(T, "[3/120] .../net.cpp");
  EXPECT_EQ(T.size(), 19u);
  // Too narrow for any of the path: the count alone, still cut.
  EXPECT_EQ(progressText(3, 120, "src/net.cpp", 10), "[3/120]");
  EXPECT_EQ(progressText(3, 120, "src/net.cpp", 5), "[3/1");
}

TEST(Progress, DrawsRedrawsAndClears) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  {
    Progress P(OS, /*Enabled=*/true, 2, std::chrono::milliseconds(0));
    P.started("a-long-name.cpp");
    P.finished();
    P.started("b.cpp");
    P.message("gradlint: b.cpp: parsed\n");
    P.finished();
  }
  OS.flush();
  EXPECT_NE(Out.find("\r[0/2] a-long-name.cpp"), std::string::npos) << Out;
  EXPECT_NE(Out.find("\r[1/2] b.cpp"), std::string::npos) << Out;
  EXPECT_NE(Out.find("gradlint: b.cpp: parsed\n"), std::string::npos);
  EXPECT_NE(Out.find("\r[2/2] b.cpp"), std::string::npos) << Out;
  // A shorter line blanks what the longer one left, and the end clears.
  std::string Last = "[2/2] b.cpp";
  size_t End = Out.rfind(Last) + Last.size();
  EXPECT_EQ(Out.substr(End), "\r" + std::string(Last.size(), ' ') + "\r");
}

TEST(Progress, SilentWhenDisabledOrEarly) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  {
    Progress Off(OS, /*Enabled=*/false, 2, std::chrono::milliseconds(0));
    Off.started("a.cpp");
    Off.finished();
    Progress Early(OS, /*Enabled=*/true, 2, std::chrono::hours(1));
    Early.started("a.cpp");
    Early.finished();
    Early.message("line\n");
  }
  OS.flush();
  EXPECT_EQ(Out, "line\n");
}

TEST(ProbeCache, VerdictsRoundTripBitExact) {
  std::vector<ir::Finding> F(3);
  ir::Verdict V;
  V.Kind = ir::VerdictKind::Inconclusive;
  V.Summary = "over 50 steps ...";
  V.AsWritten = {{"ratio", 1.0 / 3.0},
                 {"nan", std::nan("")},
                 {"inf", std::numeric_limits<double>::infinity()},
                 {"tiny", 4.9e-324}};
  V.Fixed = {{"ratio", -0.1}};
  V.Assumptions = {"loss unknown: mse assumed"};
  V.Seeds = 10;
  V.SeedsConfirming = 4;
  F[0].Probe = V;
  F[2].Probe = ir::Verdict();
  std::string Text = verdictsToText(F);
  std::vector<ir::Finding> Back(3);
  ASSERT_TRUE(verdictsFromText(Text, Back));
  EXPECT_FALSE(Back[1].Probe);
  ASSERT_TRUE(Back[0].Probe && Back[2].Probe);
  const ir::Verdict &B = *Back[0].Probe;
  EXPECT_EQ(B.Kind, V.Kind);
  EXPECT_EQ(B.Summary, V.Summary);
  EXPECT_EQ(B.AsWritten.at("ratio"), 1.0 / 3.0);
  EXPECT_TRUE(std::isnan(B.AsWritten.at("nan")));
  EXPECT_EQ(B.AsWritten.at("inf"), V.AsWritten.at("inf"));
  EXPECT_EQ(B.AsWritten.at("tiny"), 4.9e-324);
  EXPECT_EQ(B.Fixed, V.Fixed);
  EXPECT_EQ(B.Assumptions, V.Assumptions);
  EXPECT_EQ(B.Seeds, 10);
  EXPECT_EQ(B.SeedsConfirming, 4);
  EXPECT_EQ(verdictsToText(Back), Text);
  // Another number of findings: not these verdicts.
  std::vector<ir::Finding> Two(2);
  EXPECT_FALSE(verdictsFromText(Text, Two));
  EXPECT_FALSE(Two[0].Probe);
  EXPECT_FALSE(verdictsFromText(Text.substr(0, Text.size() - 3), Back));
}

// The HTML report plots the curves: a warm run must have them too.
TEST(ProbeCache, CurvesRoundTrip) {
  std::vector<ir::Finding> F(1);
  ir::Verdict V;
  V.Kind = ir::VerdictKind::Confirmed;
  ir::ProbeCurves C;
  C.Layers = {"fc1", "fc2"};
  C.FixDescription = "ReLU in place of sigmoid";
  ir::SeedCurve S;
  S.Steps = {0, 5, 10};
  S.Loss = {1.0 / 3.0, std::numeric_limits<double>::infinity(), NAN};
  S.GradNorm = {{1e-300, 2, 3}, {4, 5, 6}};
  C.AsWritten = {S, S};
  C.Fixed = {S};
  V.Curves = C;
  F[0].Probe = V;
  std::string Text = verdictsToText(F);
  std::vector<ir::Finding> Back(1);
  ASSERT_TRUE(verdictsFromText(Text, Back));
  ASSERT_TRUE(Back[0].Probe && Back[0].Probe->Curves);
  const ir::ProbeCurves &B = *Back[0].Probe->Curves;
  EXPECT_EQ(B.Layers, C.Layers);
  EXPECT_EQ(B.FixDescription, C.FixDescription);
  ASSERT_EQ(B.AsWritten.size(), 2u);
  ASSERT_EQ(B.Fixed.size(), 1u);
  EXPECT_EQ(B.AsWritten[1].Steps, S.Steps);
  EXPECT_EQ(B.AsWritten[1].Loss[0], 1.0 / 3.0);
  EXPECT_TRUE(std::isinf(B.AsWritten[1].Loss[1]));
  EXPECT_TRUE(std::isnan(B.AsWritten[1].Loss[2]));
  EXPECT_EQ(B.Fixed[0].GradNorm, S.GradNorm);
  EXPECT_EQ(verdictsToText(Back), Text);
  // An entry written before curves were kept is a miss, not a plotless hit.
  std::string Old = Text;
  size_t At = Old.find(",\"curves\"");
  ASSERT_NE(At, std::string::npos);
  Old = Old.substr(0, At) + "}]";
  std::vector<ir::Finding> Miss(1);
  EXPECT_FALSE(verdictsFromText(Old, Miss));
}

TEST(ProbeCache, KeyCoversClaimsAndOptions) {
  ir::Program P = everyFieldProgram();
  std::vector<ir::Finding> F(1);
  F[0].Claims.push_back(ir::Claim());
  F[0].Claims[0].Threshold = 1e-2;
  F[0].Claims[0].ModelName = "Net";
  probe::ProbeOptions O;
  std::string K = probeKey(P, F, O);
  EXPECT_EQ(K, probeKey(P, F, O));
  std::vector<ir::Finding> G = F;
  G[0].Claims[0].Threshold = 1e-2 + 1e-17;
  EXPECT_NE(K, probeKey(P, G, O));
  G = F;
  G[0].Claims[0].TheFix.Description = "ReLU";
  EXPECT_NE(K, probeKey(P, G, O));
  probe::ProbeOptions O2;
  O2.Steps = 50;
  EXPECT_NE(K, probeKey(P, F, O2));
  ir::Program Q = P;
  Q.Models.pop_back();
  EXPECT_NE(K, probeKey(Q, F, O));
}

} // namespace

namespace {

TEST(Options, JobsDefaultToTheCores) {
  const char *Argv[] = {"gradlint", "a.cpp"};
  StatusOr<Options> O = parseCommandLine(2, Argv);
  ASSERT_TRUE(O.isOk());
  EXPECT_EQ(O->Jobs, std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_TRUE(O->Cache);
  const char *Argv1[] = {"gradlint", "-j1", "--no-cache", "-v", "a.cpp"};
  StatusOr<Options> One = parseCommandLine(5, Argv1);
  ASSERT_TRUE(One.isOk());
  EXPECT_EQ(One->Jobs, 1u);
  EXPECT_FALSE(One->Cache);
  EXPECT_TRUE(One->Verbose);
}

TEST(Options, ExtractAndCheck) {
  const char *E[] = {"gradlint", "extract", "-p", "build", "--shard=2/5",
                     "-o", "facts"};
  StatusOr<Options> O = parseCommandLine(7, E);
  ASSERT_TRUE(O.isOk()) << O.status().message();
  EXPECT_TRUE(O->ExtractCommand);
  EXPECT_EQ(O->FactsDir, "facts");
  EXPECT_EQ(O->ShardIndex, 2u);
  EXPECT_EQ(O->ShardCount, 5u);
  const char *C[] = {"gradlint", "check", "--format=sarif", "facts"};
  StatusOr<Options> Ch = parseCommandLine(4, C);
  ASSERT_TRUE(Ch.isOk());
  EXPECT_TRUE(Ch->CheckCommand);
  EXPECT_EQ(Ch->Sources, std::vector<std::string>{"facts"});
  // "extract" only as the first word is the subcommand.
  const char *F[] = {"gradlint", "a.cpp", "extract"};
  StatusOr<Options> File = parseCommandLine(3, F);
  ASSERT_TRUE(File.isOk());
  EXPECT_FALSE(File->ExtractCommand);
}

} // namespace
