//===- lint/extract/ModelExtractorInternal.h - Model reader -----*- C++ -*-===//
//
// Private to the model extractor's files (ModelExtractor, Layers,
// ForwardChain, Modules, Sequentials, Initialisation): the Extractor class
// whose state they share while one translation unit is read, and the small
// helpers more than one of them uses. Not included anywhere else.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_MODELEXTRACTORINTERNAL_H
#define GRADLINT_LINT_EXTRACT_MODELEXTRACTORINTERNAL_H

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gradlint::lint::models {

using ir::ActivationForm;
using ir::ActivationKind;
using ir::Layer;
using ir::LayerKind;

/// The activation a framework module computes, by its name ("ReLU").
std::optional<ActivationKind> activationOfModule(llvm::StringRef N);

/// The layer kind of a framework module, by its name ("Linear").
std::optional<LayerKind> layerKindOfModule(llvm::StringRef N);

/// The callee's unqualified name, or "" when it has none.
std::string calleeName(const clang::CallExpr *Call);

/// Peels the wrappers around a callable passed to Functional or apply():
/// std::function constructions, decays, address-of.
const clang::Expr *peelCallable(const clang::Expr *E);

/// Whether \p T holds a torch::nn::Sequential.
bool isSequentialType(clang::QualType T);

/// The local module variable \p E names (through std::move), not a
/// Sequential: `fc1` in `seq->push_back(std::move(fc1))`. Null otherwise.
const clang::VarDecl *localModuleVar(const clang::Expr *E);

/// `for (int i = A; i < B; ++i)` with A and B known: the variable and the
/// range [A, B).
std::optional<std::pair<const clang::VarDecl *, std::pair<int64_t, int64_t>>>
countedLoop(const clang::ForStmt *For, Folder &Fold);

/// What an initialisation statement targets.
struct ParamTarget {
  std::string Model;
  std::string Layer;
  ir::ParamRole Role = ir::ParamRole::Weight;
  std::optional<LayerKind> KindFilter;
  std::string NameContains;
  bool Valid = false;
};

/// Reads the models of one translation unit into a Program. The methods are
/// defined in the file of their idiom family.
class Extractor {
public:
  Extractor(clang::ASTContext &Ctx, Folder &Fold, ir::Program &Prog)
      : Ctx(Ctx), Fold(Fold), Prog(Prog) {}

  void run();

private:
  // Layers from construction expressions.
  std::optional<Layer> layerFromExpr(const clang::Expr *E, unsigned Depth = 0);
  Layer frameworkLayer(const std::string &Module, const clang::Expr *At,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       unsigned Depth);
  void sequentialChildren(llvm::ArrayRef<const clang::Expr *> Args,
                          std::vector<Layer> &Out, unsigned Depth);
  std::optional<Layer>
  functionalLayer(const clang::Expr *Fn, const clang::Expr *At,
                  llvm::ArrayRef<const clang::Expr *> Extra);
  std::optional<std::vector<Layer>> lambdaChain(const clang::LambdaExpr *L);
  Layer kindOnly(const std::string &Module, const clang::Expr *At);

  // forward() and lambdas: the chain applied to the input.
  using Env = std::map<const clang::VarDecl *, std::vector<Layer>>;
  struct Walk {
    const clang::CXXRecordDecl *Class = nullptr;
    ir::Model *M = nullptr;
    Env Vars;
    std::optional<std::vector<Layer>> Result;
  };
  std::optional<std::vector<Layer>> chainOf(const clang::Expr *E, Walk &W);
  void walkStmt(const clang::Stmt *S, Walk &W);
  bool droppedBetween(const clang::Stmt *Prev, const clang::Stmt *Next);
  void unknownStepForAll(const clang::Stmt *At, Walk &W);
  std::optional<Layer> moduleRefLayer(const clang::Expr *Obj, Walk &W);
  std::string ownTrainingFlag(const clang::Expr *Flag, const Walk &W);
  void collectFlagAssignments();
  void markUsed(const clang::Stmt *S, ir::Model &M,
                const clang::CXXRecordDecl *RD);

  // Module classes.
  void extractClass(const clang::CXXRecordDecl *RD);
  void readConstructor(const clang::CXXConstructorDecl *Ctor, ir::Model &M,
                       const clang::CXXRecordDecl *RD);
  void noteAssignment(const clang::FieldDecl *F, const clang::Expr *Value,
                      ir::Model &M);
  ir::Member *member(ir::Model &M, const std::string &Name);
  void registerCall(const clang::CallExpr *Call, ir::Model &M);
  void dropCachedTensors(const clang::CXXRecordDecl *RD, ir::Model &M);
  std::optional<Layer> layerOfClassInside(const clang::Expr *E,
                                          const clang::CXXRecordDecl *Class);

  // Sequentials and init in functions.
  void extractFunction(const clang::FunctionDecl *FD);
  void walkFunctionBody(const clang::Stmt *S, const clang::FunctionDecl *FD,
                        std::map<const clang::VarDecl *, ir::Model *> &Seqs);
  void pushBack(const clang::CXXMemberCallExpr *Call,
                std::vector<Layer> &Chain);
  std::optional<Layer> unresolvedSequential(const clang::Expr *Init);

  // Initialisation.
  void scanInits(const clang::Stmt *S, const std::string &SelfModel,
                 const clang::CXXRecordDecl *SelfClass);
  void initCall(const clang::CallExpr *Call, const std::string &SelfModel,
                const clang::CXXRecordDecl *SelfClass);
  ParamTarget paramTarget(const clang::Expr *E, const std::string &SelfModel);
  void addInit(const ParamTarget &T, ir::InitScheme S, std::optional<double> A,
               std::optional<double> B, std::optional<double> Gain,
               const clang::Expr *At);
  void applyFunction(const clang::Stmt *Body,
                     const clang::ParmVarDecl *ModuleParam,
                     const std::string &ModelName);

  ir::Model &model(const std::string &Name);
  ir::SourceLoc loc(const clang::Expr *E) {
    return irLoc(Ctx, E->getBeginLoc());
  }

  void readForward(const clang::CXXMethodDecl *Forward, ir::Model &M,
                   const clang::CXXRecordDecl *RD);

  clang::ASTContext &Ctx;
  Folder &Fold;
  ir::Program &Prog;
  // Counted loops are unrolled while the iterations of the loops around
  // them, multiplied, stay within MaxUnrolled: nested loops would walk the
  // body their product of times (4 nested 64-iteration loops: 16.7M). A
  // loop past it is read as uncounted (its chain unknown).
  static constexpr int64_t MaxUnrolled = 4096;
  int64_t Unrolled = 1;
  bool mayUnroll(int64_t Trips) const {
    return Trips <= 64 && Trips * Unrolled <= MaxUnrolled;
  }
  // The layer each member of the class being read is built as.
  std::map<const clang::FieldDecl *, Layer> MemberLayers;
  // Bool members assigned outside constructors: a mode flag the code
  // manages itself (`net->training = false`, an overridden train()).
  std::set<const clang::FieldDecl *> FlagsSetOutsideCtors;
  // Init context: loop variables over parameters()/modules(), variables
  // bound to `m.as<Linear>()`, the enclosing typeid filter.
  std::map<const clang::VarDecl *, ParamTarget> BoundTargets;
  /// Local module variables put into a Sequential of this function
  /// (`Linear fc1(..); init::normal_(fc1->weight, ..); seq->push_back(fc1)`):
  /// the Sequential's model. Its layer is named after the variable.
  std::map<const clang::VarDecl *, ir::Model *> LocalLayers;
  void noteLocalLayers(const clang::Expr *E, ir::Model *M);
  std::optional<LayerKind> TypeidFilter;
  const clang::ParmVarDecl *ApplyParam = nullptr;
  std::string ApplyModel;
};

} // namespace gradlint::lint::models

#endif // GRADLINT_LINT_EXTRACT_MODELEXTRACTORINTERNAL_H
