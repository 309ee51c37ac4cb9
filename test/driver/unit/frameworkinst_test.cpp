//===- test/driver/unit/frameworkinst_test.cpp - Framework instantiations -===//
//
// The end-of-TU pruning (FrameworkInstantiations.h) drops the bodies of
// framework templates instantiated with framework types only; the user's
// templates, and the framework's with a user type, keep theirs.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/FrameworkInstantiations.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace gradlint::lint {
namespace {

// A system header (as the LibTorch headers and the API model are).
const char *FrameworkHeader = R"cpp(
namespace fw {
struct Inner { static int value() { return 1; } };
template <class T> struct Box {
  virtual ~Box() {}
  virtual int get() { return T::value(); }
};
template <class T> int use(T) { return T::value(); }
inline int fwOnly() { Box<Inner> B; return use(Inner()); }
}
)cpp";

const char *UserCode = R"cpp(
#include <fw.h>
struct Mine { static int value() { return 2; } };
template <class T> int mine(T) { return T::value(); }
template <class T> struct Local { int get() { return T::value(); } };
int main() {
  fw::Box<Mine> B;
  Local<fw::Inner> L;
  return fw::use(Mine()) + mine(fw::Inner()) + fw::fwOnly() + L.get() +
         fw::use([] { struct { static int value() { return 3; } } S; return S; }());
}
)cpp";

/// Each function template specialization's name, and whether it has a
/// body and is framework-only.
struct Seen {
  bool Defined = false;
  bool FrameworkOnly = false;
};

class Consumer : public clang::SemaConsumer {
public:
  Consumer(bool Skip, std::map<std::string, Seen> &Out) : Skip(Skip), Out(Out) {}
  void InitializeSema(clang::Sema &S) override {
    if (Skip)
      skipFrameworkInstantiations(S);
  }
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    struct V : clang::RecursiveASTVisitor<V> {
      std::map<std::string, Seen> &Out;
      explicit V(std::map<std::string, Seen> &Out) : Out(Out) {}
      bool shouldVisitTemplateInstantiations() const { return true; }
      bool VisitFunctionDecl(clang::FunctionDecl *FD) {
        if (!FD->getTemplateInstantiationPattern())
          return true;
        std::string Name;
        llvm::raw_string_ostream OS(Name);
        FD->getNameForDiagnostic(OS, FD->getASTContext().getPrintingPolicy(),
                                 /*Qualified=*/true);
        Out[Name] = {FD->isDefined(), frameworkOnlyInstantiation(FD)};
        return true;
      }
    } Visit(Out);
    Visit.TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  bool Skip;
  std::map<std::string, Seen> &Out;
};

class Action : public clang::ASTFrontendAction {
public:
  Action(bool Skip, std::map<std::string, Seen> &Out) : Skip(Skip), Out(Out) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<Consumer>(Skip, Out);
  }

private:
  bool Skip;
  std::map<std::string, Seen> &Out;
};

std::map<std::string, Seen> parse(bool Skip) {
  std::map<std::string, Seen> Out;
  bool Ok = clang::tooling::runToolOnCodeWithArgs(
      std::make_unique<Action>(Skip, Out), UserCode,
      {"-std=c++17", "-isystem", "/fw/include"}, "/user/main.cpp", "test",
      std::make_shared<clang::PCHContainerOperations>(),
      {{"/fw/include/fw.h", FrameworkHeader}});
  EXPECT_TRUE(Ok);
  return Out;
}

TEST(FrameworkInstantiations, ClassifiesBySourceAndArguments) {
  std::map<std::string, Seen> All = parse(/*Skip=*/false);
  ASSERT_TRUE(All.count("fw::use<fw::Inner>"));
  EXPECT_TRUE(All["fw::use<fw::Inner>"].FrameworkOnly);
  EXPECT_TRUE(All["fw::Box<fw::Inner>::get"].FrameworkOnly);
  EXPECT_FALSE(All["fw::use<Mine>"].FrameworkOnly);
  EXPECT_FALSE(All["fw::Box<Mine>::get"].FrameworkOnly);
  EXPECT_FALSE(All["mine<fw::Inner>"].FrameworkOnly);
  EXPECT_FALSE(All["Local<fw::Inner>::get"].FrameworkOnly);
  // Without the pruning every body is there.
  for (const auto &[Name, S] : All)
    EXPECT_TRUE(S.Defined) << Name;
}

TEST(FrameworkInstantiations, DropsOnlyFrameworkOnlyBodies) {
  std::map<std::string, Seen> Pruned = parse(/*Skip=*/true);
  ASSERT_TRUE(Pruned.count("fw::use<fw::Inner>"));
  EXPECT_FALSE(Pruned["fw::use<fw::Inner>"].Defined);
  EXPECT_FALSE(Pruned["fw::Box<fw::Inner>::get"].Defined);
  EXPECT_TRUE(Pruned["fw::use<Mine>"].Defined);
  EXPECT_TRUE(Pruned["fw::Box<Mine>::get"].Defined);
  EXPECT_TRUE(Pruned["mine<fw::Inner>"].Defined);
  EXPECT_TRUE(Pruned["Local<fw::Inner>::get"].Defined);
  // A lambda of the user's code is the user's type.
  unsigned LambdaUses = 0;
  for (const auto &[Name, S] : Pruned)
    if (llvm::StringRef(Name).starts_with("fw::use<(lambda") ||
        llvm::StringRef(Name).starts_with("fw::use<(unnamed")) {
      ++LambdaUses;
      EXPECT_TRUE(S.Defined) << Name;
    }
  EXPECT_EQ(LambdaUses, 1u);
}

} // namespace
} // namespace gradlint::lint
