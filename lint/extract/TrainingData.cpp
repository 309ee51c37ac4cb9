//===- lint/extract/TrainingData.cpp - Values fed to a model ---------------===//
//
// Ranges are what the creating call guarantees: rand is [0, 1), ones is
// [1, 1], randint(lo, hi) is [lo, hi - 1], a tensor literal is the range of
// its numbers. randn has no bounded range; it is recorded as [-1, 1], its
// one-sigma interval, meaning "unit scale" (what a check comparing scales
// needs), not a bound.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/TrainingData.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace clang;

namespace gradlint::lint {

unsigned fileOffset(const ASTContext &Ctx, SourceLocation Loc) {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.getFileOffset(SM.getExpansionLoc(Loc));
}

class AssignCollector : public RecursiveASTVisitor<AssignCollector> {
public:
  explicit AssignCollector(AssignmentIndex &Idx) : Idx(Idx) {}
  bool shouldVisitLambdaBody() const { return true; }

  void record(const Expr *LHS, const Expr *RHS, SourceLocation End) {
    const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
    if (!DRE)
      return;
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Idx.Assigns[V].push_back({fileOffset(Idx.Ctx, End), RHS});
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      record(B->getLHS(), B->getRHS(), B->getEndLoc());
    else if (B->isCompoundAssignmentOp())
      record(B->getLHS(), nullptr, B->getEndLoc());
    return true;
  }
  // In-place tensor methods (`x.mul_(3)`, `x.normal_()`) change the value
  // to something not traced: recorded as an unknown assignment.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName().ends_with("_") &&
        isFrameworkDecl(MD) && isTensorType(MC->getImplicitObjectArgument()->getType()))
      record(MC->getImplicitObjectArgument(), nullptr, MC->getEndLoc());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->getNumArgs() == 2 &&
        (OC->getOperator() == OO_StarEqual || OC->getOperator() == OO_SlashEqual ||
         OC->getOperator() == OO_PlusEqual || OC->getOperator() == OO_MinusEqual))
      record(OC->getArg(0), nullptr, OC->getEndLoc());
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      record(OC->getArg(0), OC->getArg(1), OC->getEndLoc());
    return true;
  }

private:
  AssignmentIndex &Idx;
};

void AssignmentIndex::addFunction(const Stmt *Body) {
  if (Body)
    AssignCollector(*this).TraverseStmt(const_cast<Stmt *>(Body));
}

const Expr *AssignmentIndex::valueAt(const VarDecl *V, const Expr *Use) const {
  unsigned At = fileOffset(Ctx, Use->getBeginLoc());
  const Expr *Best = nullptr;
  bool Found = false;
  unsigned BestOff = 0;
  auto It = Assigns.find(V);
  if (It != Assigns.end())
    for (const auto &[Off, RHS] : It->second)
      if (Off < At && (!Found || Off >= BestOff)) {
        Best = RHS;
        BestOff = Off;
        Found = true;
      }
  // A null RHS is a change that cannot be traced (in-place, compound).
  if (Found)
    return Best;
  // Parameters and globals hold values from elsewhere.
  if (!V->isLocalVarDecl())
    return nullptr;
  return V->getInit();
}

namespace {

/// A tensor's statically known shape and value ranges.
struct Range {
  std::optional<int64_t> Rows;
  std::optional<int64_t> Features;
  std::vector<int64_t> Dims;
  std::vector<ir::FeatureBlock> Blocks;
  ir::DataDist Dist = ir::DataDist::Unknown;
  bool Normalized = false;
};

const FunctionDecl *calleeOf(const CallExpr *C) {
  if (const FunctionDecl *FD = C->getDirectCallee())
    return FD;
  return nullptr;
}

llvm::StringRef nameOf(const FunctionDecl *FD) {
  if (FD && FD->getDeclName().isIdentifier())
    return FD->getName();
  return "";
}

/// The arguments a caller wrote (default arguments dropped).
std::vector<const Expr *> writtenArgs(const CallExpr *C) {
  std::vector<const Expr *> Out;
  for (const Expr *A : C->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Out.push_back(A);
  return Out;
}

/// The elements of a braced list passed as a TensorList/IntArrayRef.
std::vector<const Expr *> listElements(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const auto *IL = dyn_cast<InitListExpr>(E))
      return {IL->inits().begin(), IL->inits().end()};
    if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E)) {
      E = SIL->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      if (CE->isListInitialization())
        return {CE->arguments().begin(), CE->arguments().end()};
    }
    break;
  }
  return {};
}

class DataTracer {
public:
  DataTracer(ASTContext &Ctx, Folder &Fold, const AssignmentIndex &Assigns)
      : Ctx(Ctx), Fold(Fold), Assigns(Assigns) {}

  Range trace(const Expr *E, unsigned Depth);

private:
  Range creation(llvm::StringRef Name, const CallExpr *C);
  Range arith(char Op, const Expr *L, const Expr *R, unsigned Depth);
  Range concat(const std::vector<const Expr *> &Parts, int64_t Dim,
               unsigned Depth);
  Range fromLoader(const Expr *Batch, unsigned Depth);
  bool mapsNormalize(const Expr *E, unsigned Depth);
  void literalValues(const Expr *E, std::vector<double> &Out, unsigned Depth);

  ASTContext &Ctx;
  Folder &Fold;
  const AssignmentIndex &Assigns;
};

/// Scales or shifts every block by a scalar.
void mapBlocks(Range &R, const std::function<double(double)> &F) {
  for (ir::FeatureBlock &B : R.Blocks) {
    double A = F(B.Lo), C = F(B.Hi);
    B.Lo = std::min(A, C);
    B.Hi = std::max(A, C);
  }
}

/// The one block covering everything, for shape-changing operations.
void collapse(Range &R) {
  if (R.Blocks.empty())
    return;
  ir::FeatureBlock All;
  All.Lo = R.Blocks.front().Lo;
  All.Hi = R.Blocks.front().Hi;
  for (const ir::FeatureBlock &B : R.Blocks) {
    All.Lo = std::min(All.Lo, B.Lo);
    All.Hi = std::max(All.Hi, B.Hi);
  }
  R.Blocks = {All};
}

Range DataTracer::creation(llvm::StringRef Name, const CallExpr *C) {
  Range R;
  std::vector<const Expr *> Args = writtenArgs(C);
  auto shape = [&](const Expr *Sizes) {
    std::optional<std::vector<int64_t>> S = Fold.integers(Sizes);
    if (!S || S->empty())
      return;
    R.Rows = (*S)[0];
    // A 1-D tensor is one feature per row; a 2-D one has its columns.
    R.Features = S->size() >= 2 ? (*S)[1] : 1;
    R.Dims = *S;
  };
  auto block = [&](double Lo, double Hi) {
    ir::FeatureBlock B;
    B.Count = R.Features;
    B.Lo = Lo;
    B.Hi = Hi;
    R.Blocks = {B};
  };
  if (Name == "rand" || Name == "randn" || Name == "ones" || Name == "zeros" ||
      Name == "empty") {
    if (!Args.empty())
      shape(Args[0]);
    if (Name == "rand")
      block(0, 1);
    else if (Name == "randn")
      block(-1, 1); // unit scale, see the file comment
    else if (Name == "ones")
      block(1, 1);
    else if (Name == "zeros")
      block(0, 0);
    R.Dist = Name == "rand"    ? ir::DataDist::Uniform
             : Name == "randn" ? ir::DataDist::Normal
             : Name == "empty" ? ir::DataDist::Unknown
                               : ir::DataDist::Constant;
    return R;
  }
  if (Name == "full" && Args.size() >= 2) {
    shape(Args[0]);
    if (std::optional<double> V = Fold.number(Args[1])) {
      block(*V, *V);
      R.Dist = ir::DataDist::Constant;
    }
    return R;
  }
  if (Name == "randint") {
    // randint(high, size) or randint(low, high, size).
    std::optional<double> Lo = 0.0, Hi;
    if (Args.size() >= 3 && Fold.integers(Args[2]) &&
        !Fold.number(Args[2])) {
      Lo = Fold.number(Args[0]);
      Hi = Fold.number(Args[1]);
      shape(Args[2]);
    } else if (Args.size() >= 2) {
      Hi = Fold.number(Args[0]);
      shape(Args[1]);
    }
    if (Lo && Hi) {
      block(*Lo, *Hi - 1);
      R.Dist = ir::DataDist::Integers;
    }
    return R;
  }
  if (Name == "tensor" && !Args.empty()) {
    std::vector<double> Values;
    literalValues(Args[0], Values, 0);
    std::vector<const Expr *> Rows = listElements(Args[0]);
    if (!Rows.empty()) {
      R.Rows = static_cast<int64_t>(Rows.size());
      std::vector<const Expr *> First = listElements(Rows[0]);
      R.Features = First.empty() ? 1 : static_cast<int64_t>(First.size());
    }
    if (!Values.empty())
      block(*std::min_element(Values.begin(), Values.end()),
            *std::max_element(Values.begin(), Values.end()));
    return R;
  }
  return R;
}

void DataTracer::literalValues(const Expr *E, std::vector<double> &Out,
                               unsigned Depth) {
  if (!E || Depth > 16)
    return;
  const Expr *S = strip(E);
  if (isa<FloatingLiteral>(S) || isa<IntegerLiteral>(S) ||
      isa<UnaryOperator>(S) || isa<DeclRefExpr>(S)) {
    if (std::optional<double> V = Fold.number(S))
      Out.push_back(*V);
    return;
  }
  for (const Stmt *Child : S->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      literalValues(CE, Out, Depth + 1);
}

Range DataTracer::concat(const std::vector<const Expr *> &Parts, int64_t Dim,
                         unsigned Depth) {
  Range Out;
  if (Parts.empty())
    return Out;
  std::vector<Range> Rs;
  for (const Expr *P : Parts)
    Rs.push_back(trace(P, Depth + 1));
  bool AllKnown = true, AllNorm = true;
  for (const Range &R : Rs) {
    AllKnown &= !R.Blocks.empty();
    AllNorm &= R.Normalized;
  }
  Out.Normalized = AllNorm;
  if (Dim == 1 || Dim == -1) {
    Out.Rows = Rs[0].Rows;
    int64_t F = 0;
    bool FKnown = true;
    for (const Range &R : Rs) {
      if (R.Features)
        F += *R.Features;
      else
        FKnown = false;
      for (const ir::FeatureBlock &B : R.Blocks)
        Out.Blocks.push_back(B);
    }
    if (FKnown)
      Out.Features = F;
    if (!AllKnown)
      Out.Blocks.clear();
    return Out;
  }
  // Rows stacked: each feature's range is the union over the parts.
  Out.Features = Rs[0].Features;
  int64_t N = 0;
  bool NKnown = true;
  for (const Range &R : Rs) {
    if (R.Rows)
      N += *R.Rows;
    else
      NKnown = false;
    if (R.Features != Out.Features)
      Out.Features = std::nullopt;
  }
  if (NKnown)
    Out.Rows = N;
  if (AllKnown) {
    for (const Range &R : Rs)
      for (const ir::FeatureBlock &B : R.Blocks)
        Out.Blocks.push_back(B);
    collapse(Out);
    Out.Blocks[0].Count = Out.Features;
  }
  return Out;
}

bool isTensorExpr(const Expr *E) { return E && isTensorType(E->getType()); }

Range DataTracer::arith(char Op, const Expr *L, const Expr *R,
                        unsigned Depth) {
  bool LT = isTensorExpr(strip(L)), RT = isTensorExpr(strip(R));
  if (LT && RT) {
    Range A = trace(L, Depth + 1);
    Range Out;
    Out.Rows = A.Rows;
    Out.Features = A.Features;
    Out.Dims = A.Dims;
    // Dividing by a tensor (a standard deviation, a norm, a max-min span)
    // is how code rescales data by its statistics: `(x - mean) / std`.
    if (Op == '/')
      Out.Normalized = true;
    else
      Out.Normalized = A.Normalized && trace(R, Depth + 1).Normalized;
    return Out;
  }
  if (LT) {
    Range A = trace(L, Depth + 1);
    std::optional<double> C = Fold.number(R);
    if (!C) {
      A.Blocks.clear();
      return A;
    }
    double V = *C;
    if ((Op == '*' || Op == '/') && A.Dist == ir::DataDist::Integers)
      A.Dist = ir::DataDist::Unknown;
    switch (Op) {
    case '*':
      mapBlocks(A, [V](double X) { return X * V; });
      break;
    case '/':
      if (V == 0)
        A.Blocks.clear();
      else
        mapBlocks(A, [V](double X) { return X / V; });
      break;
    case '+':
      mapBlocks(A, [V](double X) { return X + V; });
      break;
    case '-':
      mapBlocks(A, [V](double X) { return X - V; });
      break;
    }
    return A;
  }
  if (RT) {
    Range A = trace(R, Depth + 1);
    std::optional<double> C = Fold.number(L);
    if (!C || Op == '/') {
      A.Blocks.clear();
      return A;
    }
    double V = *C;
    if (Op == '*')
      mapBlocks(A, [V](double X) { return X * V; });
    else if (Op == '+')
      mapBlocks(A, [V](double X) { return X + V; });
    else if (Op == '-')
      mapBlocks(A, [V](double X) { return V - X; });
    return A;
  }
  return Range();
}

/// Whether the dataset expression (through local variables and
/// std::move) maps a framework `Normalize` transform.
bool DataTracer::mapsNormalize(const Expr *E, unsigned Depth) {
  if (!E || Depth > 24)
    return false;
  E = strip(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    if (RD && RD->getName() == "Normalize" && isFrameworkDecl(RD))
      return true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (const Expr *Val = Assigns.valueAt(V, DRE))
        return mapsNormalize(Val, Depth + 1);
      return false;
    }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (mapsNormalize(CE, Depth + 1))
        return true;
  return false;
}

/// `batch.data` of a DataLoader batch: the range is unknown; normalised
/// when the dataset maps Normalize.
Range DataTracer::fromLoader(const Expr *Batch, unsigned Depth) {
  Range R;
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(Batch));
  if (!DRE)
    return R;
  const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
  if (!V)
    return R;
  // The loop variable of `for (auto &batch : *loader)`.
  for (const DynTypedNode &P : Ctx.getParents(*V)) {
    const auto *DS = P.get<DeclStmt>();
    if (!DS)
      continue;
    for (const DynTypedNode &PP : Ctx.getParents(*DS))
      if (const auto *For = PP.get<CXXForRangeStmt>())
        if (For->getLoopVariable() == V)
          R.Normalized = mapsNormalize(For->getRangeInit(), Depth + 1);
  }
  return R;
}

Range DataTracer::trace(const Expr *E, unsigned Depth) {
  if (!E || Depth > 24)
    return Range();
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Val = Assigns.valueAt(V, DRE))
        return trace(Val, Depth + 1);
    return Range();
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    llvm::StringRef N = ME->getMemberDecl()->getName();
    if (N == "data" && isFrameworkDecl(ME->getMemberDecl()))
      return fromLoader(ME->getBase(), Depth);
    return Range();
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 2) {
      switch (OC->getOperator()) {
      case OO_Star:
        return arith('*', OC->getArg(0), OC->getArg(1), Depth);
      case OO_Slash:
        return arith('/', OC->getArg(0), OC->getArg(1), Depth);
      case OO_Plus:
        return arith('+', OC->getArg(0), OC->getArg(1), Depth);
      case OO_Minus:
        return arith('-', OC->getArg(0), OC->getArg(1), Depth);
      default:
        break;
      }
    }
    return Range();
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    llvm::StringRef N = nameOf(MD);
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!MD || !isFrameworkDecl(MD) || !isTensorExpr(Obj))
      return Range();
    std::vector<const Expr *> Args = writtenArgs(MC);
    if (N == "mul" && Args.size() == 1)
      return arith('*', Obj, Args[0], Depth);
    if (N == "div" && Args.size() == 1)
      return arith('/', Obj, Args[0], Depth);
    if (N == "add" && Args.size() == 1)
      return arith('+', Obj, Args[0], Depth);
    if (N == "sub" && Args.size() == 1)
      return arith('-', Obj, Args[0], Depth);
    if (N == "to" || N == "clone" || N == "contiguous" || N == "detach" ||
        N == "toType" || N == "requires_grad_" || N == "set_requires_grad" ||
        N == "cuda" || N == "cpu" || N == "type" || N == "pin_memory")
      return trace(Obj, Depth + 1);
    if (N == "view" || N == "reshape" || N == "flatten" || N == "unsqueeze" ||
        N == "squeeze" || N == "t" || N == "transpose") {
      Range R = trace(Obj, Depth + 1);
      collapse(R);
      R.Rows = R.Features = std::nullopt;
      R.Dims.clear();
      if (!R.Blocks.empty())
        R.Blocks[0].Count = std::nullopt;
      return R;
    }
    return Range();
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = calleeOf(C);
    if (!FD || !isFrameworkDecl(FD))
      return Range();
    llvm::StringRef N = nameOf(FD);
    std::vector<const Expr *> Args = writtenArgs(C);
    if (N == "cat" || N == "concat" || N == "concatenate" || N == "hstack" ||
        N == "vstack") {
      if (Args.empty())
        return Range();
      int64_t Dim = N == "hstack" ? 1 : 0;
      if (Args.size() >= 2) {
        std::optional<int64_t> D = Fold.integer(Args[1]);
        if (!D)
          return Range();
        Dim = *D;
      }
      return concat(listElements(Args[0]), Dim, Depth);
    }
    if (N == "normalize" || N == "batch_norm" || N == "layer_norm" ||
        N == "instance_norm" || N == "group_norm") {
      Range R;
      if (!Args.empty()) {
        Range In = trace(Args[0], Depth + 1);
        R.Rows = In.Rows;
        R.Features = In.Features;
      }
      R.Normalized = true;
      return R;
    }
    if (N == "mul" || N == "div" || N == "add" || N == "sub") {
      if (Args.size() == 2)
        return arith(N == "mul" ? '*' : N == "div" ? '/' : N == "add" ? '+' : '-',
                     Args[0], Args[1], Depth);
      return Range();
    }
    return creation(N, C);
  }
  return Range();
}

/// Appends the postfix formula of the tensor \p E (see ir::DataInfo::Formula)
/// to \p Out; false when some part is not an elementwise function of named
/// tensors and numbers.
bool formula(Folder &Fold, const AssignmentIndex &Assigns, const Expr *E,
             std::vector<std::string> &Out, unsigned Depth) {
  if (!E || Depth > 24)
    return false;
  E = strip(E);
  auto Recurse = [&](const Expr *X) {
    return formula(Fold, Assigns, X, Out, Depth + 1);
  };
  auto Binary = [&](const Expr *L, const Expr *R, const char *Op) {
    if (!Recurse(L) || !Recurse(R))
      return false;
    Out.push_back(Op);
    return true;
  };
  if (!isTensorExpr(E)) {
    std::optional<double> V = Fold.number(E);
    if (!V)
      return false;
    char Buf[32];
    std::snprintf(Buf, sizeof Buf, "%.17g", *V);
    Out.push_back(Buf);
    return true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return false;
    // A variable holding arithmetic is followed; one holding a created or
    // unknown tensor is named.
    const Expr *Val = Assigns.valueAt(V, DRE);
    if (Val) {
      const Expr *SV = strip(Val);
      if (isa<CXXOperatorCallExpr>(SV) || isa<CXXMemberCallExpr>(SV) ||
          isa<DeclRefExpr>(SV)) {
        size_t Mark = Out.size();
        if (Recurse(Val))
          return true;
        Out.resize(Mark);
      }
    }
    Out.push_back("@" + V->getNameAsString());
    return true;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 2)
      switch (OC->getOperator()) {
      case OO_Star:
        return Binary(OC->getArg(0), OC->getArg(1), "*");
      case OO_Slash:
        return Binary(OC->getArg(0), OC->getArg(1), "/");
      case OO_Plus:
        return Binary(OC->getArg(0), OC->getArg(1), "+");
      case OO_Minus:
        return Binary(OC->getArg(0), OC->getArg(1), "-");
      default:
        return false;
      }
    if (OC->getNumArgs() == 1 && OC->getOperator() == OO_Minus) {
      if (!Recurse(OC->getArg(0)))
        return false;
      Out.push_back("neg");
      return true;
    }
    return false;
  }
  auto Named = [&](llvm::StringRef N, const Expr *Obj,
                   const std::vector<const Expr *> &Args) {
    if (N == "to" || N == "clone" || N == "contiguous" || N == "detach")
      return Recurse(Obj);
    if ((N == "mul" || N == "div" || N == "add" || N == "sub" || N == "pow") &&
        Args.size() == 1)
      return Binary(Obj, Args[0],
                    N == "mul"   ? "*"
                    : N == "div" ? "/"
                    : N == "add" ? "+"
                    : N == "sub" ? "-"
                                 : "pow");
    if ((N == "sin" || N == "cos" || N == "exp" || N == "abs" || N == "neg") &&
        Args.empty()) {
      if (!Recurse(Obj))
        return false;
      Out.push_back(N.str());
      return true;
    }
    if ((N == "sum" || N == "mean") && Args.size() == 2 &&
        Fold.integer(Args[0]) == 1 && Fold.boolean(Args[1]) == true) {
      if (!Recurse(Obj))
        return false;
      Out.push_back(N.str() + "1");
      return true;
    }
    return false;
  };
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !isFrameworkDecl(MD))
      return false;
    return Named(nameOf(MD), MC->getImplicitObjectArgument(), writtenArgs(MC));
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = calleeOf(C);
    if (!FD || !isFrameworkDecl(FD))
      return false;
    std::vector<const Expr *> Args = writtenArgs(C);
    if (Args.empty())
      return false;
    llvm::StringRef N = nameOf(FD);
    if (N == "rand" || N == "randn" || N == "randint" || N == "ones" ||
        N == "zeros" || N == "full" || N == "tensor" || N == "empty")
      return false;
    return Named(N, Args[0], {Args.begin() + 1, Args.end()});
  }
  return false;
}

} // namespace

ir::DataInfo traceData(ASTContext &Ctx, Folder &Fold,
                       const AssignmentIndex &Assigns, const Expr *E) {
  ir::DataInfo D;
  if (!E)
    return D;
  const Expr *S = strip(E);
  D.Loc = irLoc(Ctx, S->getBeginLoc());
  if (const ValueDecl *VD = referencedDecl(S)) {
    D.Var = VD->getNameAsString();
    // Findings about the data belong where it is made: the initializer of
    // a local (`auto x = torch::rand({n, 1}) * 1000;`).
    if (const auto *V = dyn_cast<VarDecl>(VD))
      if (V->isLocalVarDecl() && V->getInit() && isUserLoc(Ctx, V->getLocation()))
        D.Loc = irLoc(Ctx, V->getInit()->getBeginLoc());
  }
  Range R = DataTracer(Ctx, Fold, Assigns).trace(E, 0);
  D.Rows = R.Rows;
  D.Features = R.Features;
  D.Normalized = R.Normalized;
  if (!R.Normalized) {
    D.Blocks = std::move(R.Blocks);
    D.Dims = std::move(R.Dims);
    D.Dist = R.Dist;
  }
  if (D.Blocks.empty())
    D.Dist = ir::DataDist::Unknown;
  std::vector<std::string> F;
  if (!R.Normalized && formula(Fold, Assigns, E, F, 0) && F.size() > 1)
    D.Formula = std::move(F);
  return D;
}

std::optional<int64_t> loopTrips(Folder &Fold, const Stmt *Loop) {
  // for (int i = A; i < B; ++i / i++ / i += 1), also <= and !=.
  const auto *F = dyn_cast_or_null<ForStmt>(Loop);
  if (!F)
    return std::nullopt;
  const auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit());
  const VarDecl *V = nullptr;
  std::optional<int64_t> Start;
  if (DS && DS->isSingleDecl())
    if ((V = dyn_cast<VarDecl>(DS->getSingleDecl())) && V->getInit())
      Start = Fold.integer(V->getInit());
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!V || !Start || !Cond)
    return std::nullopt;
  const auto *LHS = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  if (!LHS || LHS->getDecl() != V)
    return std::nullopt;
  std::optional<int64_t> End = Fold.integer(Cond->getRHS());
  if (!End)
    return std::nullopt;
  const Stmt *Inc = F->getInc();
  bool StepOne = false;
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Inc))
    StepOne = U->isIncrementOp();
  else if (const auto *B = dyn_cast_or_null<CompoundAssignOperator>(Inc))
    StepOne = B->getOpcode() == BO_AddAssign && Fold.integer(B->getRHS()) == 1;
  if (!StepOne)
    return std::nullopt;
  int64_t N = 0;
  switch (Cond->getOpcode()) {
  case BO_LT:
  case BO_NE:
    N = *End - *Start;
    break;
  case BO_LE:
    N = *End - *Start + 1;
    break;
  default:
    return std::nullopt;
  }
  return std::max<int64_t>(0, N);
}

} // namespace gradlint::lint
