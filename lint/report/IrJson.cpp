//===- lint/report/IrJson.cpp - Model IR to and from JSON -----------------===//
//
// Keys are the IR's field names in snake_case; enums use the spellings of
// ir::name(). Optional values are null when unknown. Reading accepts a
// missing key as the field's default, so a hand-written model can be short.
//
//===----------------------------------------------------------------------===//

#include "lint/report/IrJson.h"
#include "lint/report/BoundedInput.h"

#include "rules/ir/Validate.h"

#include "llvm/Support/raw_ostream.h"

#include <cmath>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace gradlint::lint {

Value jsonNumber(double D) {
  if (!std::isfinite(D))
    return nullptr;
  return D;
}

template <typename T> static Value opt(const std::optional<T> &O) {
  if (!O)
    return nullptr;
  if constexpr (std::is_floating_point_v<T>)
    return jsonNumber(*O);
  else
    return Value(*O);
}

Value verdictToJson(const ir::Verdict &V) {
  Object AsWritten, Fixed;
  for (const auto &[K, X] : V.AsWritten)
    AsWritten[K] = jsonNumber(X);
  for (const auto &[K, X] : V.Fixed)
    Fixed[K] = jsonNumber(X);
  Array Assumptions;
  for (const std::string &A : V.Assumptions)
    Assumptions.push_back(A);
  return Object{{"verdict", std::string(ir::name(V.Kind))},
                {"summary", V.Summary},
                {"seeds", V.Seeds},
                {"seeds_confirming", V.SeedsConfirming},
                {"assumptions", std::move(Assumptions)},
                {"measurements",
                 Object{{"as_written", std::move(AsWritten)},
                        {"fixed", std::move(Fixed)}}}};
}

} // namespace gradlint::lint

// toJSON/fromJSON live in the IR's namespace so llvm::json finds them by ADL.
namespace gradlint::ir {

using gradlint::lint::opt;

static Value toJSON(const SourceLoc &L) {
  return Object{{"file", L.File},
                {"line", L.Line},
                {"column", L.Column},
                {"offset", L.Offset}};
}

static Value toJSON(const Layer &L) {
  Array Children;
  for (const Layer &C : L.Children)
    Children.push_back(toJSON(C));
  Object O{{"kind", std::string(name(L.Kind))},
                {"name", L.Name},
                {"loc", toJSON(L.Loc)},
                {"in", opt(L.In)},
                {"out", opt(L.Out)},
                {"kernel", opt(L.Kernel)},
                {"stride", opt(L.Stride)},
                {"padding", opt(L.Padding)},
                {"groups", opt(L.Groups)},
                {"bias", opt(L.Bias)},
                {"p", opt(L.P)},
                {"act", std::string(name(L.Act))},
                {"form", std::string(name(L.Form))},
                {"act_param", opt(L.ActParam)},
                {"built_in_forward", L.BuiltInForward},
                {"training_flag", L.TrainingFlag},
                {"module_class", L.ModuleClass},
                {"children", std::move(Children)}};
  // Recurrent, adaptive-pooling and residual facts: written only when set
  // (absent reads back as unset), so the layers that never have them dump
  // as before.
  if (L.NumLayers)
    O["num_layers"] = *L.NumLayers;
  if (L.BatchFirst)
    O["batch_first"] = *L.BatchFirst;
  if (L.Bidirectional)
    O["bidirectional"] = *L.Bidirectional;
  if (L.LastStep)
    O["last_step"] = true;
  if (L.FinalHidden)
    O["final_hidden"] = true;
  if (L.Nonlinearity)
    O["nonlinearity"] = std::string(name(*L.Nonlinearity));
  if (L.MeanOverSteps)
    O["mean_over_steps"] = true;
  if (L.OutputPadding)
    O["output_padding"] = *L.OutputPadding;
  if (L.Dilation)
    O["dilation"] = *L.Dilation;
  if (L.OutputSize)
    O["output_size"] = *L.OutputSize;
  if (L.AdaptiveMax)
    O["adaptive_max"] = true;
  if (L.Span)
    O["span"] = *L.Span;
  return Value(std::move(O));
}

static Value toJSON(const Init &I) {
  return Object{
      {"layer", I.Layer},
      {"kind_filter",
       I.KindFilter ? Value(std::string(name(*I.KindFilter))) : Value(nullptr)},
      {"role", std::string(name(I.Role))},
      {"name_contains", I.NameContains},
      {"scheme", std::string(name(I.Scheme))},
      {"a", opt(I.A)},
      {"b", opt(I.B)},
      {"gain", opt(I.Gain)},
      {"dead", I.Dead},
      {"loc", toJSON(I.Loc)}};
}

static Value toJSON(const Member &M) {
  return Object{{"name", M.Name},
                {"kind", std::string(name(M.Kind))},
                {"is_tensor", M.IsTensor},
                {"registered", M.Registered},
                {"used_in_forward", M.UsedInForward},
                {"loc", toJSON(M.Loc)}};
}

static Value toJSON(const Model &M) {
  Array Chain, Members, Inits;
  for (const Layer &L : M.Chain)
    Chain.push_back(toJSON(L));
  for (const Member &X : M.Members)
    Members.push_back(toJSON(X));
  for (const Init &I : M.Inits)
    Inits.push_back(toJSON(I));
  Object O{{"name", M.Name},
           {"is_sequential", M.IsSequential},
           {"loc", toJSON(M.Loc)},
           {"forward_loc", toJSON(M.ForwardLoc)},
           {"constructor_known", M.ConstructorKnown},
           {"chain_known", M.ChainKnown},
           {"chain", std::move(Chain)},
           {"members", std::move(Members)},
           {"inits", std::move(Inits)}};
  // Only on instances: the dump of every other model stays as it was.
  if (!M.InstanceOf.empty())
    O["instance_of"] = M.InstanceOf;
  return O;
}

static Value toJSON(const Optimizer &O) {
  Array Later;
  for (double R : O.LaterRates)
    Later.push_back(lint::jsonNumber(R));
  Array LaterLocs;
  for (const SourceLoc &L : O.LaterRateLocs)
    LaterLocs.push_back(toJSON(L));
  return Object{{"var", O.Var},
                {"kind", std::string(name(O.Kind))},
                {"lr", opt(O.LR)},
                {"lr_defaulted", O.LRDefaulted},
                {"momentum", opt(O.Momentum)},
                {"nesterov", opt(O.Nesterov)},
                {"weight_decay", opt(O.WeightDecay)},
                {"beta1", opt(O.Beta1)},
                {"beta2", opt(O.Beta2)},
                {"eps", opt(O.Eps)},
                {"model_name", O.ModelName},
                {"model_var", O.ModelVar},
                {"in_loop", O.InLoop},
                {"model_in_loop", opt(O.ModelInLoop)},
                {"loop_loc", toJSON(O.LoopLoc)},
                {"function", O.Function},
                {"loc", toJSON(O.Loc)},
                {"lr_loc", toJSON(O.LRLoc)},
                {"later_rates", std::move(Later)},
                {"later_rate_locs", std::move(LaterLocs)}};
}

static Value toJSON(const TextDeletion &D) {
  return Object{{"loc", toJSON(D.Loc)}, {"length", D.Length}};
}

static Value toJSON(const FeatureBlock &B) {
  return Object{{"count", opt(B.Count)},
                {"lo", lint::jsonNumber(B.Lo)},
                {"hi", lint::jsonNumber(B.Hi)}};
}

static Value toJSON(const DataInfo &D) {
  Array Blocks;
  for (const FeatureBlock &B : D.Blocks)
    Blocks.push_back(toJSON(B));
  Array Dims, Formula;
  for (int64_t X : D.Dims)
    Dims.push_back(X);
  for (const std::string &T : D.Formula)
    Formula.push_back(T);
  return Object{{"var", D.Var},
                {"loc", toJSON(D.Loc)},
                {"rows", opt(D.Rows)},
                {"features", opt(D.Features)},
                {"dims", std::move(Dims)},
                {"blocks", std::move(Blocks)},
                {"dist", std::string(name(D.Dist))},
                {"normalized", D.Normalized},
                {"formula", std::move(Formula)}};
}

static Value toJSON(const StepEvent &E) {
  Array Acts;
  for (ActivationKind A : E.CallSiteActs)
    Acts.push_back(std::string(name(A)));
  Array Unwrap;
  for (const TextDeletion &D : E.UnwrapCallSiteAct)
    Unwrap.push_back(toJSON(D));
  return Object{
      {"op", std::string(name(E.Op))},
      {"loc", toJSON(E.Loc)},
      {"var", E.Var},
      {"model_name", E.ModelName},
      {"grad_disabled_by", E.GradDisabledBy},
      {"grad_disabled_loc", toJSON(E.GradDisabledLoc)},
      {"input", E.Input ? toJSON(*E.Input) : Value(nullptr)},
      {"loss", std::string(name(E.Loss))},
      {"call_site_acts", std::move(Acts)},
      {"call_site_act_loc", toJSON(E.CallSiteActLoc)},
      {"unwrap_call_site_act", std::move(Unwrap)},
      {"detached", E.Detached},
      {"detach_loc", toJSON(E.DetachLoc)},
      {"target", E.Target ? toJSON(*E.Target) : Value(nullptr)},
      {"optimizer_index", E.OptimizerIndex}};
}

static std::string_view nodeKindName(StepNode::NodeKind K) {
  switch (K) {
  case StepNode::Event:
    return "event";
  case StepNode::Loop:
    return "loop";
  case StepNode::Branch:
    return "branch";
  }
  return "event";
}

static Value toJSON(const StepNode &N) {
  Array Children;
  for (const StepNode &C : N.Children)
    Children.push_back(toJSON(C));
  return Object{{"kind", std::string(nodeKindName(N.Kind))},
                {"event", toJSON(N.Ev)},
                {"loc", toJSON(N.Loc)},
                {"trips", opt(N.Trips)},
                {"children", std::move(Children)}};
}

static Value toJSON(const TrainingFunction &T) {
  Array Body;
  for (const StepNode &N : T.Body)
    Body.push_back(toJSON(N));
  Array Unresolved;
  for (const std::string &U : T.Unresolved)
    Unresolved.push_back(U);
  return Object{{"name", T.Name},
                {"loc", toJSON(T.Loc)},
                {"body", std::move(Body)},
                {"unresolved", std::move(Unresolved)}};
}

//===----------------------------------------------------------------------===//
// Reading.
//===----------------------------------------------------------------------===//

using llvm::json::ObjectMapper;
using llvm::json::Path;

#define GRADLINT_ENUM_FROM_JSON(Type, Parser, What)                            \
  static bool fromJSON(const Value &V, Type &Out, Path P) {                    \
    auto S = V.getAsString();                                                  \
    if (!S) {                                                                  \
      P.report("expected a string");                                           \
      return false;                                                            \
    }                                                                          \
    auto K = Parser(*S);                                                       \
    if (!K) {                                                                  \
      P.report("unknown " What);                                               \
      return false;                                                            \
    }                                                                          \
    Out = *K;                                                                  \
    return true;                                                               \
  }
GRADLINT_ENUM_FROM_JSON(LayerKind, parseLayerKind, "layer kind")
GRADLINT_ENUM_FROM_JSON(ActivationKind, parseActivationKind, "activation")
GRADLINT_ENUM_FROM_JSON(ActivationForm, parseActivationForm, "activation form")
GRADLINT_ENUM_FROM_JSON(InitScheme, parseInitScheme, "init scheme")
GRADLINT_ENUM_FROM_JSON(ParamRole, parseParamRole, "parameter role")
GRADLINT_ENUM_FROM_JSON(OptimizerKind, parseOptimizerKind, "optimizer kind")
GRADLINT_ENUM_FROM_JSON(LossKind, parseLossKind, "loss kind")
GRADLINT_ENUM_FROM_JSON(StepOp, parseStepOp, "step op")
GRADLINT_ENUM_FROM_JSON(DataDist, parseDataDist, "data distribution")
#undef GRADLINT_ENUM_FROM_JSON

static bool fromJSON(const Value &V, StepNode::NodeKind &Out, Path P) {
  auto S = V.getAsString();
  if (S && *S == "event")
    Out = StepNode::Event;
  else if (S && *S == "loop")
    Out = StepNode::Loop;
  else if (S && *S == "branch")
    Out = StepNode::Branch;
  else {
    P.report("expected \"event\", \"loop\" or \"branch\"");
    return false;
  }
  return true;
}

/// An object whose keys are all optional (missing = the field's default).
class Fields {
public:
  Fields(const Value &V, Path P) : M(V, P), P(P) {}
  explicit operator bool() const { return static_cast<bool>(M); }
  template <typename T> Fields &operator()(llvm::StringLiteral Key, T &Out) {
    if (Ok)
      Ok = M.mapOptional(Key, Out);
    return *this;
  }
  bool ok() const { return Ok; }

private:
  ObjectMapper M;
  Path P;
  bool Ok = true;
};

static bool fromJSON(const Value &V, SourceLoc &L, Path P) {
  // llvm::json reads no `unsigned`: go through uint64_t and range-check.
  Fields F(V, P);
  uint64_t Line = L.Line, Column = L.Column, Offset = L.Offset;
  if (!(F && F("file", L.File)("line", Line)("column", Column)("offset", Offset)
                 .ok()))
    return false;
  for (auto [Key, X] : {std::pair<llvm::StringLiteral, uint64_t>{"line", Line},
                        {"column", Column},
                        {"offset", Offset}})
    if (X > UINT32_MAX) {
      P.field(Key).report("number out of range");
      return false;
    }
  L.Line = static_cast<unsigned>(Line);
  L.Column = static_cast<unsigned>(Column);
  L.Offset = static_cast<unsigned>(Offset);
  return true;
}

static bool fromJSON(const Value &V, Layer &L, Path P) {
  Fields F(V, P);
  return F && F("kind", L.Kind)("name", L.Name)("loc", L.Loc)("in", L.In)(
                  "out", L.Out)("kernel", L.Kernel)("stride", L.Stride)(
                  "padding", L.Padding)("groups", L.Groups)("bias", L.Bias)("p", L.P)("num_layers", L.NumLayers)(
                  "batch_first", L.BatchFirst)("bidirectional", L.Bidirectional)(
                  "last_step", L.LastStep)("final_hidden", L.FinalHidden)(
                  "nonlinearity", L.Nonlinearity)("mean_over_steps", L.MeanOverSteps)("output_padding", L.OutputPadding)(
                  "dilation", L.Dilation)("output_size", L.OutputSize)(
                  "adaptive_max", L.AdaptiveMax)("span", L.Span)("act", L.Act)(
                  "form", L.Form)("act_param", L.ActParam)(
                  "built_in_forward", L.BuiltInForward)("training_flag", L.TrainingFlag)(
                  "module_class", L.ModuleClass)(
                  "children", L.Children)
                  .ok();
}

static bool fromJSON(const Value &V, Init &I, Path P) {
  Fields F(V, P);
  return F && F("layer", I.Layer)("kind_filter", I.KindFilter)("role", I.Role)(
                  "name_contains", I.NameContains)("scheme", I.Scheme)("a", I.A)(
                  "b", I.B)("gain", I.Gain)("dead", I.Dead)("loc", I.Loc)
                  .ok();
}

static bool fromJSON(const Value &V, Member &M, Path P) {
  Fields F(V, P);
  return F && F("name", M.Name)("kind", M.Kind)("is_tensor", M.IsTensor)(
                  "registered", M.Registered)("used_in_forward",
                                              M.UsedInForward)("loc", M.Loc)
                  .ok();
}

static bool fromJSON(const Value &V, Model &M, Path P) {
  Fields F(V, P);
  return F && F("name", M.Name)("instance_of", M.InstanceOf)(
                  "is_sequential", M.IsSequential)("loc", M.Loc)(
                  "forward_loc", M.ForwardLoc)(
                  "constructor_known", M.ConstructorKnown)(
                  "chain_known", M.ChainKnown)(
                  "chain", M.Chain)("members", M.Members)("inits", M.Inits)
                  .ok();
}

static bool fromJSON(const Value &V, Optimizer &O, Path P) {
  Fields F(V, P);
  return F && F("var", O.Var)("kind", O.Kind)("lr", O.LR)(
                  "lr_defaulted", O.LRDefaulted)("momentum", O.Momentum)(
                  "nesterov", O.Nesterov)("weight_decay", O.WeightDecay)(
                  "beta1", O.Beta1)("beta2", O.Beta2)("eps", O.Eps)(
                  "model_name", O.ModelName)("model_var", O.ModelVar)(
                  "in_loop", O.InLoop)("model_in_loop", O.ModelInLoop)(
                  "loop_loc", O.LoopLoc)(
                  "function", O.Function)("loc", O.Loc)("lr_loc", O.LRLoc)(
                  "later_rates", O.LaterRates)("later_rate_locs", O.LaterRateLocs)
                  .ok();
}

static bool fromJSON(const Value &V, TextDeletion &D, Path P) {
  Fields F(V, P);
  uint64_t Length = D.Length;
  if (!(F && F("loc", D.Loc)("length", Length).ok()))
    return false;
  if (Length > UINT32_MAX) {
    P.field("length").report("out of range");
    return false;
  }
  D.Length = static_cast<unsigned>(Length);
  return true;
}

static bool fromJSON(const Value &V, FeatureBlock &B, Path P) {
  Fields F(V, P);
  return F && F("count", B.Count)("lo", B.Lo)("hi", B.Hi).ok();
}

static bool fromJSON(const Value &V, DataInfo &D, Path P) {
  Fields F(V, P);
  return F && F("var", D.Var)("loc", D.Loc)("rows", D.Rows)(
                  "features", D.Features)("dims", D.Dims)("blocks", D.Blocks)(
                  "dist", D.Dist)("normalized", D.Normalized)(
                  "formula", D.Formula)
                  .ok();
}

static bool fromJSON(const Value &V, StepEvent &E, Path P) {
  Fields F(V, P);
  return F && F("op", E.Op)("loc", E.Loc)("var", E.Var)(
                  "model_name", E.ModelName)("grad_disabled_by",
                                             E.GradDisabledBy)(
                  "grad_disabled_loc", E.GradDisabledLoc)("input", E.Input)(
                  "loss", E.Loss)("call_site_acts", E.CallSiteActs)(
                  "call_site_act_loc", E.CallSiteActLoc)(
                  "unwrap_call_site_act", E.UnwrapCallSiteAct)("detached", E.Detached)(
                  "detach_loc", E.DetachLoc)("target", E.Target)(
                  "optimizer_index", E.OptimizerIndex)
                  .ok();
}

static bool fromJSON(const Value &V, StepNode &N, Path P) {
  Fields F(V, P);
  return F && F("kind", N.Kind)("event", N.Ev)("loc", N.Loc)(
                  "trips", N.Trips)("children", N.Children)
                  .ok();
}

static bool fromJSON(const Value &V, TrainingFunction &T, Path P) {
  Fields F(V, P);
  return F && F("name", T.Name)("loc", T.Loc)("body", T.Body)(
                  "unresolved", T.Unresolved)
                  .ok();
}

static bool fromJSON(const Value &V, Program &Prog, Path P) {
  Fields F(V, P);
  int Version = lint::ModelJsonVersion;
  if (!(F && F("version", Version)("models", Prog.Models)(
                 "optimizers", Prog.Optimizers)("trainings", Prog.Trainings)
                 .ok()))
    return false;
  if (Version != lint::ModelJsonVersion) {
    P.field("version").report("unsupported model version");
    return false;
  }
  return true;
}

} // namespace gradlint::ir

namespace gradlint::lint {

Value programToJson(const ir::Program &P) {
  Array Models, Optimizers, Trainings;
  for (const ir::Model &M : P.Models)
    Models.push_back(ir::toJSON(M));
  for (const ir::Optimizer &O : P.Optimizers)
    Optimizers.push_back(ir::toJSON(O));
  for (const ir::TrainingFunction &T : P.Trainings)
    Trainings.push_back(ir::toJSON(T));
  return Object{{"version", ModelJsonVersion},
                {"models", std::move(Models)},
                {"optimizers", std::move(Optimizers)},
                {"trainings", std::move(Trainings)}};
}

/// The schema error of \p Root without llvm::json's "(root)." prefix.
static std::string schemaError(llvm::json::Path::Root &Root) {
  std::string Msg = llvm::toString(Root.getError());
  // llvm::json writes "expected integer at (root).models[0].loc.line"; the
  // "(root)." prefix says nothing to a user.
  size_t At = Msg.find("(root).");
  if (At != std::string::npos)
    Msg.erase(At, 7);
  return Msg;
}

StatusOr<ir::Program> programFromJsonValue(const Value &V) {
  ir::Program Prog;
  llvm::json::Path::Root Root("");
  if (!ir::fromJSON(V, Prog, Root))
    return Status::error(schemaError(Root));
  return Prog;
}

StatusOr<ir::Program> programFromJson(llvm::StringRef Text) {
  if (Status S = checkJsonDepth(Text); !S)
    return S;
  llvm::Expected<Value> V = llvm::json::parse(Text);
  if (!V)
    // "[3:12, byte=40]: Expected , or ] after array element".
    return Status::error(llvm::toString(V.takeError()));
  ir::Program Prog;
  llvm::json::Path::Root Root("");
  if (!ir::fromJSON(*V, Prog, Root))
    return Status::error(schemaError(Root));
  // In range, once, here: checks and the probe trust every value.
  if (Status S = ir::validate(Prog); !S)
    return S;
  return Prog;
}

} // namespace gradlint::lint
