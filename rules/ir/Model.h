//===- rules/ir/Model.h - The Model IR -------------------------*- C++ -*-===//
//
// The framework-neutral description of a model and how it is trained, as far
// as the source states it statically. Anything the code does not state is
// std::nullopt or an Unknown kind, never a guess: checks stay quiet on it.
//
// Plain data: no Clang, no Eigen. Built by lint/extract, read by rules/ and
// runtime/, printed and read back by lint/report/IrJson.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RULES_IR_MODEL_H
#define GRADLINT_RULES_IR_MODEL_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gradlint::ir {

/// A position in a source file; Line and Column are 1-based, 0 when unknown.
struct SourceLoc {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// Byte offset in the file, used for fix-its.
  unsigned Offset = 0;

  bool isValid() const { return !File.empty() && Line != 0; }
};

/// What a layer computes.
enum class LayerKind {
  Linear,
  Conv1d,
  Conv2d,
  Conv3d,
  ConvTranspose,
  BatchNorm1d,
  BatchNorm2d,
  LayerNorm,
  GroupNorm,
  Dropout,
  Embedding,
  RNN,
  LSTM,
  GRU,
  MaxPool,
  AvgPool,
  AdaptivePool,
  Flatten,
  Activation,
  /// `x = x + f(x)`: the point where a skip connection joins the chain.
  Residual,
  Sequential,
  Unknown,
};

/// The function of an activation layer.
enum class ActivationKind {
  Sigmoid,
  Tanh,
  ReLU,
  LeakyReLU,
  ELU,
  GELU,
  SiLU,
  Softplus,
  Softmax,
  LogSoftmax,
  Hardtanh,
  ReLU6,
  Identity,
  Unknown,
};

/// How an activation was written, for messages and notes.
enum class ActivationForm {
  Module,     ///< `nn::ReLU()` in a Sequential or as a member
  Functional, ///< `nn::Functional(torch::relu)`
  Function,   ///< `torch::relu(x)`, `F::relu(x)`
  Method,     ///< `x.relu()`
};

/// One step of a model's layer chain, or one registered submodule.
struct Layer {
  LayerKind Kind = LayerKind::Unknown;
  /// The member or registered name ("fc1"), or empty for anonymous layers.
  std::string Name;
  SourceLoc Loc;

  // Shape. For convolutions In/Out are channels.
  std::optional<int64_t> In;
  std::optional<int64_t> Out;
  std::optional<int64_t> Kernel;
  std::optional<int64_t> Stride;
  std::optional<int64_t> Padding;
  /// Convolution groups (1 unless `groups` is set; unknown when not stated);
  /// a GroupNorm's num_groups.
  std::optional<int64_t> Groups;
  std::optional<bool> Bias;
  /// Dropout probability (a recurrent layer's: between stacked layers).
  std::optional<double> P;

  // Recurrent layers (RNN, LSTM, GRU). In is input_size, Out hidden_size.
  /// Stacked layers (num_layers); 1 unless stated.
  std::optional<int64_t> NumLayers;
  /// batch_first: the input is [N, L, F] rather than [L, N, F].
  std::optional<bool> BatchFirst;
  std::optional<bool> Bidirectional;
  /// forward() keeps only the output's last time step (`out.select(1, -1)`,
  /// `out[-1]` for sequence-first), not the whole sequence.
  bool LastStep = false;
  /// forward() reads the final hidden state h_n (`std::get<1>(rnn(x))`, an
  /// LSTM's `std::get<0>(std::get<1>(lstm(x)))`) instead of the output
  /// sequence; with LastStep, only its last entry (`h_n[-1]`: the last
  /// layer's last direction).
  bool FinalHidden = false;
  /// A plain RNN's nonlinearity (tanh or relu): tanh unless stated, unset
  /// when the code states a value that is not read.
  std::optional<ActivationKind> Nonlinearity;

  /// An AvgPool that is `x.mean(1)` of a batch-first sequence (an
  /// embedding's or a recurrent layer's output): the mean over its steps.
  bool MeanOverSteps = false;

  /// ConvTranspose's output_padding and dilation (0 and 1 unless stated).
  std::optional<int64_t> OutputPadding;
  std::optional<int64_t> Dilation;

  /// Adaptive pooling: the output size (square when 2-d), and max rather
  /// than average.
  std::optional<int64_t> OutputSize;
  bool AdaptiveMax = false;

  /// A residual join `x + f(x)`: how many steps f spans in the flattened
  /// chain (ir::flatten; the skip starts that many steps back); unknown
  /// when the two sides are not one path and its prefix.
  std::optional<int64_t> Span;

  // Activation.
  ActivationKind Act = ActivationKind::Unknown;
  ActivationForm Form = ActivationForm::Module;
  /// Negative slope of leaky_relu, alpha of elu, beta of softplus.
  std::optional<double> ActParam;

  /// Built inside forward() rather than in the constructor.
  bool BuiltInForward = false;

  /// Dropout switched by a bool member the user's module declares itself
  /// (its name, e.g. "training") instead of the module's mode
  /// (is_training()): eval() and train() never reach it. Empty otherwise,
  /// and when the code sets that member outside the constructors.
  std::string TrainingFlag;

  /// A user-defined module used as a layer: its Model::Name. Its chain is
  /// copied into Children once known (see resolveSubmodules()).
  std::string ModuleClass;

  /// Nested Sequential: its own chain.
  std::vector<Layer> Children;
};

/// True for layers with trainable parameters (weights).
bool hasParameters(LayerKind K);
/// True for linear and convolution layers (affine maps).
bool isAffine(LayerKind K);
/// True for batch/layer/group norm.
bool isNormalization(LayerKind K);
/// The chain with nested Sequentials expanded in place.
std::vector<Layer> flatten(const std::vector<Layer> &Chain);

/// How a parameter is initialised.
enum class InitScheme {
  Default, ///< the framework's own initialiser
  Zeros,
  Ones,
  Constant, ///< A = the value
  Uniform,  ///< U(A, B)
  Normal,   ///< N(mean A, std B)
  XavierUniform,
  XavierNormal,
  KaimingUniform,
  KaimingNormal,
  Orthogonal,
  Unknown,
};

/// Which parameters of a layer an initialisation touches.
enum class ParamRole { Weight, Bias, Any };

/// One initialisation statement, and what it applies to.
struct Init {
  /// The layer it applies to by name, or empty for "every layer matching
  /// KindFilter" (apply(fn), loops over modules()/parameters()).
  std::string Layer;
  /// Restricts an anonymous init to one layer kind (`as<Linear>()`).
  std::optional<LayerKind> KindFilter;
  ParamRole Role = ParamRole::Weight;
  /// For loops over named_parameters(): the substring the name must contain.
  std::string NameContains;
  InitScheme Scheme = InitScheme::Unknown;
  /// Constant value, uniform lower bound, normal mean.
  std::optional<double> A;
  /// Uniform upper bound, normal std.
  std::optional<double> B;
  /// Gain of xavier/orthogonal, `a` of kaiming.
  std::optional<double> Gain;
  /// Whether the init code can never run (impossible cast, before register).
  bool Dead = false;
  SourceLoc Loc;
};

/// A registered (or merely declared) submodule or parameter of a module.
struct Member {
  std::string Name;
  LayerKind Kind = LayerKind::Unknown;
  /// A plain tensor parameter (`torch::Tensor w;`), not a submodule.
  bool IsTensor = false;
  bool Registered = false;
  /// Whether forward() uses it.
  bool UsedInForward = false;
  SourceLoc Loc;
};

/// A model: a Sequential or a torch::nn::Module subclass.
struct Model {
  /// Qualified class name ("app::Net"), or "<function>::<variable>" for a
  /// Sequential built in a function, or the factory function's name.
  std::string Name;
  /// An instance of another model (Model::Name of its definition): one of
  /// several variables built by the same factory or class (`auto actor =
  /// make_model(); auto critic = make_model();`). Its chain, members and
  /// inits are the definition's; Program::findModel returns the definition.
  std::string InstanceOf;
  bool IsSequential = false;
  SourceLoc Loc;
  /// Where forward() is defined (module classes only).
  SourceLoc ForwardLoc;
  /// Whether a constructor was seen (registration facts are complete).
  bool ConstructorKnown = false;
  /// Whether the chain below is known: forward() was seen and read fully.
  bool ChainKnown = false;
  /// The layers forward() (or the Sequential) applies, in order.
  std::vector<Layer> Chain;
  std::vector<Member> Members;
  std::vector<Init> Inits;
};

/// Optimizers.
enum class OptimizerKind { SGD, Adam, AdamW, RMSprop, Adagrad, LBFGS, Unknown };

/// An optimizer construction.
struct Optimizer {
  std::string Var;
  OptimizerKind Kind = OptimizerKind::Unknown;
  /// The learning rate; the documented default when the code gives none.
  std::optional<double> LR;
  /// The code gave no rate; LR is the optimizer's default.
  bool LRDefaulted = false;
  std::optional<double> Momentum;
  std::optional<bool> Nesterov;
  std::optional<double> WeightDecay;
  std::optional<double> Beta1;
  std::optional<double> Beta2;
  std::optional<double> Eps;
  /// The model whose parameters it holds (Model::Name), empty if unknown.
  std::string ModelName;
  /// The variable named in `X->parameters()`.
  std::string ModelVar;
  /// Constructed inside a loop (state reset every iteration).
  bool InLoop = false;
  SourceLoc LoopLoc;
  /// For an optimizer built in a loop: whether the model it trains is built
  /// or reloaded in that loop too (a fresh model per fold or trial), or is
  /// the same model on every iteration (false); std::nullopt when unknown.
  std::optional<bool> ModelInLoop;
  /// The function it is constructed in.
  std::string Function;
  SourceLoc Loc;
  /// Where the rate is written (the literal or the variable use).
  SourceLoc LRLoc;
  /// Rates set later by hand or by a scheduler, in source order.
  std::vector<double> LaterRates;
  /// Where each of LaterRates is set (parallel to it; may be empty when the
  /// extractor does not know, then findings go to LRLoc).
  std::vector<SourceLoc> LaterRateLocs;
};

/// Losses.
enum class LossKind {
  MSE,
  L1,
  SmoothL1,
  Huber,
  BCE,
  BCEWithLogits,
  CrossEntropy,
  NLL,
  KLDiv,
  Unknown,
};

/// Per-feature value ranges of a tensor, as far as statically known.
struct FeatureBlock {
  /// How many consecutive features share this range.
  std::optional<int64_t> Count;
  double Lo = 0;
  double Hi = 0;
};

/// How a tensor's values are drawn, as its creating call states it.
enum class DataDist {
  Unknown,
  Uniform,  ///< rand: uniform in each block's [Lo, Hi]
  Normal,   ///< randn: N(0, 1) scaled and shifted (Blocks hold +-1 sigma)
  Integers, ///< randint: uniform integers in [Lo, Hi]
  Constant, ///< ones, zeros, full
};

/// A tensor fed to the model or the loss.
struct DataInfo {
  std::string Var;
  SourceLoc Loc;
  std::optional<int64_t> Rows;
  std::optional<int64_t> Features;
  /// The full shape when the creating call states it ({64, 1, 28, 28});
  /// Features is Dims[1] then, not the feature count of an N-d sample.
  std::vector<int64_t> Dims;
  /// Empty when the range is not known statically.
  std::vector<FeatureBlock> Blocks;
  DataDist Dist = DataDist::Unknown;
  /// A normalisation stands between creation and use.
  bool Normalized = false;
  /// The values as an elementwise formula of other tensors, in postfix:
  /// "@x" (the tensor variable x as created), numbers, "+", "-", "*", "/",
  /// "neg", "sin", "cos", "exp", "abs", "sum1" / "mean1" (over dim 1,
  /// keepdim). Empty when the code does not state one.
  std::vector<std::string> Formula;
};

/// What happens in a training function, in source order.
enum class StepOp {
  Forward,  ///< model->forward(x) / model(x)
  Loss,     ///< a loss computed from the model output
  ZeroGrad, ///< optimizer.zero_grad() or model->zero_grad()
  Backward,
  Step,
  ClipGrad, ///< clip_grad_norm_ / clip_grad_value_
  Train,    ///< model->train()
  Eval,     ///< model->eval()
  Optimizer, ///< an optimizer constructed here (index in Program)
};

/// A stretch of source text to delete: the parts of a fix-it the extractor
/// can prove correct without the checks reading any source.
struct TextDeletion {
  SourceLoc Loc;
  unsigned Length = 0;
};

/// One call of a training function.
struct StepEvent {
  StepOp Op = StepOp::Forward;
  SourceLoc Loc;
  /// The model (Forward, Train, Eval, module ZeroGrad) or optimizer variable.
  std::string Var;
  /// The model's name (Model::Name) when Var is a model.
  std::string ModelName;
  /// Gradients are off here, and by what ("NoGradGuard", ...).
  std::string GradDisabledBy;
  SourceLoc GradDisabledLoc;

  // Forward: the input.
  std::optional<DataInfo> Input;

  // Loss.
  LossKind Loss = LossKind::Unknown;
  /// Activations applied to the model output at the call site, in order.
  std::vector<ActivationKind> CallSiteActs;
  SourceLoc CallSiteActLoc;
  /// When a single call-site activation directly wraps the loss's input
  /// (`cross_entropy(torch::softmax(out, 1), y)`, `bce(out.sigmoid(), y)`),
  /// the deletions that leave just its argument; empty otherwise.
  std::vector<TextDeletion> UnwrapCallSiteAct;
  /// The loss input went through detach().
  bool Detached = false;
  SourceLoc DetachLoc;
  std::optional<DataInfo> Target;

  /// Optimizer: index into Program::Optimizers.
  int OptimizerIndex = -1;
};

/// A node of a training function's body: a call, a loop, or a branch.
struct StepNode {
  enum NodeKind { Event, Loop, Branch };
  NodeKind Kind = Event;
  StepEvent Ev;
  SourceLoc Loc;
  /// A loop: how many times its body runs, when the code states it
  /// (`for (int i = 0; i < 30; ++i)`).
  std::optional<int64_t> Trips;
  std::vector<StepNode> Children;
};

/// A function that trains (calls backward or step), with its calls in order.
struct TrainingFunction {
  std::string Name;
  SourceLoc Loc;
  std::vector<StepNode> Body;
  /// Operations that code the compiler could not read may perform here: an
  /// expression that did not resolve names them ("step", "zero_grad",
  /// "backward", "train", "eval", "set_enabled"), or "*" when it is handed
  /// a model or an optimizer. That the function never does one of them is
  /// then unknown.
  std::vector<std::string> Unresolved;

  /// Whether unreadable code here may perform \p Op.
  bool mayHide(std::string_view Op) const {
    for (const std::string &U : Unresolved)
      if (U == Op || U == "*")
        return true;
    return false;
  }
};

/// Everything one translation unit (or a merged project) states.
struct Program {
  std::vector<Model> Models;
  std::vector<Optimizer> Optimizers;
  std::vector<TrainingFunction> Trainings;

  /// The model named \p Name; for an instance, its definition.
  const Model *findModel(const std::string &Name) const;
};

/// Fills the Children of layers that are user modules (Layer::ModuleClass)
/// with those models' chains, so checks see one flat chain.
void resolveSubmodules(Program &P);

/// Merges \p From into \p Into, per model by name: facts one side lacks are
/// taken from the other (a forward() in net.cpp, a constructor in net.h).
void merge(Program &Into, const Program &From);

std::string_view name(LayerKind K);
std::string_view name(ActivationKind K);
std::string_view name(InitScheme K);
std::string_view name(OptimizerKind K);
std::string_view name(LossKind K);
std::string_view name(StepOp K);
std::string_view name(ParamRole K);
std::string_view name(ActivationForm K);
std::string_view name(DataDist K);

/// Inverses of name(); std::nullopt for unknown spellings.
std::optional<LayerKind> parseLayerKind(std::string_view S);
std::optional<ActivationKind> parseActivationKind(std::string_view S);
std::optional<InitScheme> parseInitScheme(std::string_view S);
std::optional<OptimizerKind> parseOptimizerKind(std::string_view S);
std::optional<LossKind> parseLossKind(std::string_view S);
std::optional<StepOp> parseStepOp(std::string_view S);
std::optional<ParamRole> parseParamRole(std::string_view S);
std::optional<ActivationForm> parseActivationForm(std::string_view S);
std::optional<DataDist> parseDataDist(std::string_view S);

} // namespace gradlint::ir

#endif // GRADLINT_RULES_IR_MODEL_H
