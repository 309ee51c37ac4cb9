//===- runtime/Lowering.cpp - Model IR -> probe network -------------------===//

#include "runtime/Lowering.h"
#include "runtime/Random.h"
#include "runtime/activations/Activation.h"
#include "runtime/layers/AdaptivePool.h"
#include "runtime/layers/BatchNorm.h"
#include "runtime/layers/Conv.h"
#include "runtime/layers/ConvTranspose.h"
#include "runtime/layers/Dropout.h"
#include "runtime/layers/Embedding.h"
#include "runtime/layers/GRU.h"
#include "runtime/layers/GroupNorm.h"
#include "runtime/layers/LSTM.h"
#include "runtime/layers/Flatten.h"
#include "runtime/layers/LayerNorm.h"
#include "runtime/layers/Linear.h"
#include "runtime/layers/Pool.h"
#include "runtime/layers/RNN.h"
#include "runtime/layers/StepMean.h"
#include "runtime/layers/Residual.h"

#include <Eigen/QR>

#include <cmath>

namespace gradlint::probe {

static std::string layerName(const ir::Layer &L, size_t Index) {
  return L.Name.empty() ? std::to_string(Index) : L.Name;
}

static std::string quoted(const ir::Layer &L, size_t Index) {
  if (!L.Name.empty())
    return "'" + L.Name + "'";
  return "layer " + std::to_string(Index) + " (" +
         std::string(ir::name(L.Kind)) + ")";
}

namespace {
/// Walks a chain computing shapes; builds the layers unless Dry.
struct Builder {
  bool Dry = true;
  Network *Net = nullptr;
  /// Set when a linear layer's stated input size was checked against a
  /// computed one (used to solve unknown spatial sizes).
  bool CheckedLinear = false;
  /// The input shape of each layer added so far (residual joins read it).
  std::vector<Shape> Inputs;

  Status add(const ir::Layer &L, size_t I, Shape &Cur) {
    std::string Name = layerName(L, I);
    Inputs.push_back(Cur);
    auto Put = [&](std::unique_ptr<Layer> Built, ir::ActivationKind Act =
                                                     ir::ActivationKind::Unknown) {
      Shape Out = Built->outShape(Cur);
      if (!Dry)
        Net->add(std::move(Built), L.Kind, Act, Name, Cur);
      Cur = Out;
    };
    switch (L.Kind) {
    case ir::LayerKind::Linear: {
      if (Cur.Dims != 0 && L.In && *L.In == Cur.W && Cur.size() != Cur.W) {
        // torch maps the last dimension: every position of an embedding's
        // (L, D) output, a sequence or a signal alike.
        if (!L.Out)
          return Status::error("the output size of " + quoted(L, I) + " is unknown");
        Put(std::make_unique<Linear>(*L.In, *L.Out, L.Bias.value_or(true), Name));
        return Status::ok();
      }
      int64_t In = Cur.size();
      if (L.In) {
        if (*L.In != In)
          return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                               std::to_string(*L.In) + " inputs but gets " +
                               std::to_string(In));
        CheckedLinear = true;
      }
      if (!L.Out)
        return Status::error("the output size of " + quoted(L, I) + " is unknown");
      if (Dry) {
        Cur = Shape::flat(*L.Out);
        return Status::ok();
      }
      Put(std::make_unique<Linear>(In, *L.Out, L.Bias.value_or(true), Name));
      return Status::ok();
    }
    case ir::LayerKind::Conv1d:
    case ir::LayerKind::Conv2d: {
      int Want = L.Kind == ir::LayerKind::Conv1d ? 1 : 2;
      if (Cur.Dims != Want)
        return Status::error(quoted(L, I) + " gets a " + std::to_string(Cur.Dims) +
                             "-d input where it needs " + std::to_string(Want) + "-d");
      if (L.In && *L.In != Cur.C)
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " channels but gets " +
                             std::to_string(Cur.C));
      if (!L.Out || !L.Kernel)
        return Status::error("the channels or kernel of " + quoted(L, I) +
                             " are unknown");
      auto C = std::make_unique<Conv>(Cur, *L.Out, *L.Kernel, L.Stride.value_or(1),
                                      L.Padding.value_or(0), L.Bias.value_or(true),
                                      Name);
      Shape Out = C->outShape(Cur);
      if (Out.H < 1 || Out.W < 1)
        return Status::error(quoted(L, I) + " gets an input smaller than its kernel");
      Put(std::move(C));
      return Status::ok();
    }
    case ir::LayerKind::MaxPool:
    case ir::LayerKind::AvgPool: {
      if (L.MeanOverSteps) {
        if (Cur.Dims != 1)
          return Status::error(quoted(L, I) + " averages the steps of a " +
                               std::to_string(Cur.Dims) + "-d input");
        Put(std::make_unique<StepMean>(Cur.C));
        return Status::ok();
      }
      if (Cur.Dims == 0)
        return Status::error(quoted(L, I) + " pools a flat input");
      if (!L.Kernel)
        return Status::error("the kernel of " + quoted(L, I) + " is unknown");
      auto P = std::make_unique<Pool>(L.Kind == ir::LayerKind::MaxPool, Cur,
                                      *L.Kernel, L.Stride.value_or(*L.Kernel),
                                      L.Padding.value_or(0));
      Shape Out = P->outShape(Cur);
      if (Out.H < 1 || Out.W < 1)
        return Status::error(quoted(L, I) + " gets an input smaller than its kernel");
      Put(std::move(P));
      return Status::ok();
    }
    case ir::LayerKind::Flatten:
      Put(std::make_unique<Flatten>());
      return Status::ok();
    case ir::LayerKind::BatchNorm1d:
    case ir::LayerKind::BatchNorm2d: {
      if (L.Kind == ir::LayerKind::BatchNorm2d && Cur.Dims != 2)
        return Status::error(quoted(L, I) + " needs a 2-d input");
      if (L.In && *L.In != Cur.C)
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " features but gets " +
                             std::to_string(Cur.C));
      Put(std::make_unique<BatchNorm>(Cur, Name));
      return Status::ok();
    }
    case ir::LayerKind::LayerNorm:
      if (L.In && *L.In != Cur.size())
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " features but gets " +
                             std::to_string(Cur.size()));
      Put(std::make_unique<LayerNorm>(Cur.size(), Name));
      return Status::ok();
    case ir::LayerKind::Dropout:
      Put(std::make_unique<Dropout>(L.P.value_or(0.5)));
      return Status::ok();
    case ir::LayerKind::Activation: {
      auto A = makeActivation(L.Act, L.ActParam);
      if (!A)
        return Status::error("the activation of " + quoted(L, I) + " is unknown");
      if ((L.Act == ir::ActivationKind::Softmax ||
           L.Act == ir::ActivationKind::LogSoftmax) &&
          Cur.Dims != 0)
        return Status::error("softmax over channels is not modelled");
      Put(std::move(A), L.Act);
      return Status::ok();
    }
    case ir::LayerKind::Embedding:
      if (Cur.Dims != 0)
        return Status::error(quoted(L, I) + " gets a " + std::to_string(Cur.Dims) +
                             "-d input where it needs token ids");
      if (!L.In || !L.Out)
        return Status::error("the vocabulary or dimension of " + quoted(L, I) +
                             " is unknown");
      Put(std::make_unique<Embedding>(*L.In, *L.Out, Name));
      return Status::ok();
    case ir::LayerKind::RNN:
    case ir::LayerKind::LSTM:
    case ir::LayerKind::GRU: {
      if (Cur.Dims != 1)
        return Status::error(quoted(L, I) + " gets a " + std::to_string(Cur.Dims) +
                             "-d input where it needs a sequence");
      if (L.In && *L.In != Cur.W)
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " features per step but gets " +
                             std::to_string(Cur.W));
      if (!L.Out || !L.NumLayers || *L.NumLayers < 1)
        return Status::error("the hidden size or layer count of " + quoted(L, I) +
                             " is unknown");
      RecurrentConfig C;
      C.NumLayers = *L.NumLayers;
      C.HasBias = L.Bias.value_or(true);
      // The extractor states LibTorch's defaults (one direction, p 0).
      C.Bidirectional = L.Bidirectional.value_or(false);
      // torch drops out between stacked layers only (one layer: none).
      C.Dropout = *L.NumLayers > 1 ? L.P.value_or(0.0) : 0.0;
      C.Out = L.FinalHidden ? (L.LastStep ? Readout::LastHidden : Readout::FinalHidden)
                            : (L.LastStep ? Readout::LastStep : Readout::Sequence);
      int64_t Slabs = C.NumLayers * (C.Bidirectional ? 2 : 1);
      if (C.Out == Readout::FinalHidden && Slabs > 1)
        // h_n is [layers * directions, N, H]: not one row per sample.
        return Status::error("the whole final hidden state of " + quoted(L, I) +
                             " (" + std::to_string(Slabs) +
                             " layers and directions) is read; only h_n[-1] is "
                             "modelled");
      if (L.Kind == ir::LayerKind::RNN) {
        if (L.Nonlinearity != ir::ActivationKind::Tanh &&
            L.Nonlinearity != ir::ActivationKind::ReLU)
          return Status::error("the nonlinearity of " + quoted(L, I) +
                               " is unknown");
        Put(std::make_unique<RNN>(Cur.W, *L.Out,
                                  L.Nonlinearity == ir::ActivationKind::ReLU, C,
                                  Name));
      } else if (L.Kind == ir::LayerKind::LSTM)
        Put(std::make_unique<LSTM>(Cur.W, *L.Out, C, Name));
      else
        Put(std::make_unique<GRU>(Cur.W, *L.Out, C, Name));
      return Status::ok();
    }
    case ir::LayerKind::AdaptivePool: {
      if (Cur.Dims == 0)
        return Status::error(quoted(L, I) + " pools a flat input");
      if (!L.OutputSize || *L.OutputSize < 1)
        return Status::error("the output size of " + quoted(L, I) + " is unknown");
      Put(std::make_unique<AdaptivePool>(L.AdaptiveMax, Cur, *L.OutputSize));
      return Status::ok();
    }
    case ir::LayerKind::Residual: {
      if (!L.Span || *L.Span < 0 || size_t(*L.Span) > I)
        return Status::error("the skip connection at " + quoted(L, I) +
                             " is not one path and its prefix; not modelled");
      size_t From = I - size_t(*L.Span);
      const Shape &Skip = Inputs[From];
      if (Skip.C != Cur.C || Skip.H != Cur.H || Skip.W != Cur.W)
        return Status::error("shape mismatch: the skip connection at " +
                             quoted(L, I) + " adds " +
                             std::to_string(Inputs[From].size()) + " values to " +
                             std::to_string(Cur.size()));
      Put(std::make_unique<Residual>());
      if (!Dry)
        Net->Layers.back().SkipFrom = int(From);
      return Status::ok();
    }
    case ir::LayerKind::GroupNorm: {
      if (Cur.Dims == 0)
        return Status::error(quoted(L, I) + " needs channels (a 1-d or 2-d input)");
      if (L.In && *L.In != Cur.C)
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " channels but gets " +
                             std::to_string(Cur.C));
      if (!L.Groups || *L.Groups < 1 || Cur.C % *L.Groups != 0)
        return Status::error("the groups of " + quoted(L, I) +
                             " are unknown or do not divide its channels");
      Put(std::make_unique<GroupNorm>(Cur, *L.Groups, Name));
      return Status::ok();
    }
    case ir::LayerKind::ConvTranspose: {
      if (Cur.Dims == 0)
        return Status::error(quoted(L, I) + " gets a flat input");
      if (L.In && *L.In != Cur.C)
        return Status::error("shape mismatch: " + quoted(L, I) + " expects " +
                             std::to_string(*L.In) + " channels but gets " +
                             std::to_string(Cur.C));
      if (!L.Out || !L.Kernel)
        return Status::error("the channels or kernel of " + quoted(L, I) +
                             " are unknown");
      if (L.Groups.value_or(1) != 1)
        return Status::error("grouped transposed convolutions (" + quoted(L, I) +
                             ") are not modelled");
      int64_t Stride = L.Stride.value_or(1), Dilation = L.Dilation.value_or(1),
              OutPad = L.OutputPadding.value_or(0);
      if (Dilation < 1 || OutPad < 0 || (OutPad >= Stride && OutPad >= Dilation))
        // torch: output padding must be smaller than either stride or dilation
        return Status::error("the output padding or dilation of " + quoted(L, I) +
                             " is invalid");
      auto C = std::make_unique<ConvTranspose>(
          Cur, *L.Out, *L.Kernel, Stride, L.Padding.value_or(0),
          L.Bias.value_or(true), Name, OutPad, Dilation);
      Shape Out = C->outShape(Cur);
      if (Out.H < 1 || Out.W < 1)
        return Status::error(quoted(L, I) + " pads away its whole output");
      Put(std::move(C));
      return Status::ok();
    }
    case ir::LayerKind::Conv3d:
    case ir::LayerKind::Sequential:
    case ir::LayerKind::Unknown:
      return Status::error(std::string(ir::name(L.Kind)) + " layers (" +
                           quoted(L, I) + ") are not modelled");
    }
    return Status::error("unhandled layer kind");
  }

  Status run(const std::vector<ir::Layer> &Chain, Shape In) {
    Shape Cur = In;
    for (size_t I = 0; I < Chain.size(); ++I) {
      Status S = add(Chain[I], I, Cur);
      if (!S)
        return S;
    }
    return Status::ok();
  }
};
} // namespace

StatusOr<Shape> inferInputShape(const std::vector<ir::Layer> &Chain,
                                std::optional<int64_t> Features,
                                const std::vector<int64_t> &SampleDims) {
  if (SampleDims.size() == 2 || SampleDims.size() == 3) {
    // The code states the sample's dimensions: (C, L) or (C, H, W).
    for (const ir::Layer &L : Chain) {
      if (L.Kind == ir::LayerKind::Activation || L.Kind == ir::LayerKind::Dropout)
        continue;
      if (L.Kind == ir::LayerKind::Linear || L.Kind == ir::LayerKind::LayerNorm ||
          L.Kind == ir::LayerKind::BatchNorm1d)
        return Status::error(std::to_string(SampleDims.size() + 1) +
                             "-d input into a linear or norm layer (applied "
                             "per position) is not modelled");
      break;
    }
    if (SampleDims.size() == 2)
      return Shape{SampleDims[0], 1, SampleDims[1], 1};
    return Shape{SampleDims[0], SampleDims[1], SampleDims[2], 2};
  }
  for (const ir::Layer &L : Chain) {
    switch (L.Kind) {
    case ir::LayerKind::Linear:
    case ir::LayerKind::BatchNorm1d:
    case ir::LayerKind::LayerNorm:
      if (L.In)
        return Shape::flat(*L.In);
      if (Features)
        return Shape::flat(*Features);
      return Status::error("the input size of the model is unknown");
    case ir::LayerKind::Conv1d:
    case ir::LayerKind::Conv2d: {
      if (!L.In)
        return Status::error("the input channels of the model are unknown");
      int64_t C = *L.In;
      bool OneD = L.Kind == ir::LayerKind::Conv1d;
      if (Features && *Features % C == 0) {
        int64_t Per = *Features / C;
        if (OneD)
          return Shape{C, 1, Per, 1};
        int64_t Side = int64_t(std::llround(std::sqrt(double(Per))));
        if (Side * Side == Per)
          return Shape{C, Side, Side, 2};
      }
      // Solve the spatial size from the first linear layer's stated input.
      for (int64_t Side = 1; Side <= 512; ++Side) {
        Shape S = OneD ? Shape{C, 1, Side, 1} : Shape{C, Side, Side, 2};
        Builder B;
        if (B.run(Chain, S) && B.CheckedLinear)
          return S;
      }
      return Status::error("the spatial size of the model's input is unknown");
    }
    case ir::LayerKind::Embedding:
      // Token ids: one per feature ([N] input: one per sample).
      return Shape::flat(Features.value_or(1));
    case ir::LayerKind::RNN:
    case ir::LayerKind::LSTM:
    case ir::LayerKind::GRU:
      if (L.In && Features && *Features % *L.In == 0)
        return Shape{*Features / *L.In, 1, *L.In, 1};
      return Status::error("the sequence length of the model's input is unknown");
    default:
      continue;
    }
  }
  if (Features)
    return Shape::flat(*Features);
  return Status::error("the input size of the model is unknown");
}

void defaultInit(ir::LayerKind Kind, Param &P, std::mt19937 &Rng) {
  if (ir::isNormalization(Kind)) {
    P.Value.setConstant(P.IsWeight ? 1.0f : 0.0f);
    return;
  }
  if (Kind == ir::LayerKind::Embedding) {
    std::normal_distribution<double> N(0, 1); // torch: normal_(0, 1)
    for (int64_t I = 0; I < P.Value.size(); ++I)
      P.Value.data()[I] = float(N(Rng));
    return;
  }
  if (Kind == ir::LayerKind::LSTM || Kind == ir::LayerKind::GRU ||
      Kind == ir::LayerKind::RNN) {
    // torch: every parameter U(+-1/sqrt(hidden)); a weight is Gates*H rows,
    // a bias 1 x Gates*H.
    int64_t Gates = Kind == ir::LayerKind::LSTM ? 4 : Kind == ir::LayerKind::GRU ? 3 : 1;
    int64_t H = (P.Value.rows() == 1 ? P.Value.cols() : P.Value.rows()) / Gates;
    double Bound = H > 0 ? 1.0 / std::sqrt(double(H)) : 0.0;
    std::uniform_real_distribution<double> U(-Bound, Bound);
    for (int64_t I = 0; I < P.Value.size(); ++I)
      P.Value.data()[I] = float(U(Rng));
    return;
  }
  // Weight: kaiming_uniform(a = sqrt(5)): gain sqrt(2 / (1 + 5)), bound
  // gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in). Bias: U(+-1/sqrt(fan_in)).
  double Bound = P.FanIn > 0 ? 1.0 / std::sqrt(double(P.FanIn)) : 0.0;
  std::uniform_real_distribution<double> U(-Bound, Bound);
  for (int64_t I = 0; I < P.Value.size(); ++I)
    P.Value.data()[I] = float(U(Rng));
}

static void fillUniform(Param &P, double Lo, double Hi, std::mt19937 &Rng) {
  std::uniform_real_distribution<double> U(Lo, Hi);
  for (int64_t I = 0; I < P.Value.size(); ++I)
    P.Value.data()[I] = float(U(Rng));
}

static void fillNormal(Param &P, double Mean, double Std, std::mt19937 &Rng) {
  std::normal_distribution<double> N(Mean, Std);
  for (int64_t I = 0; I < P.Value.size(); ++I)
    P.Value.data()[I] = float(N(Rng));
}

Status initParam(Param &P, ir::InitScheme Scheme, std::optional<double> A,
                 std::optional<double> B, std::optional<double> Gain,
                 ir::LayerKind Kind, std::mt19937 &Rng) {
  // Fans as torch's _calculate_fan_in_and_fan_out: a weight's dims 1.. and
  // 0 times the receptive field; a 1-d tensor has no fans (torch refuses).
  double FanIn = double(P.FanIn), FanOut = double(P.FanOut);
  bool HasFans = P.Value.rows() > 1 || P.IsWeight;
  switch (Scheme) {
  case ir::InitScheme::Default:
    defaultInit(Kind, P, Rng);
    return Status::ok();
  case ir::InitScheme::Zeros:
    P.Value.setZero();
    return Status::ok();
  case ir::InitScheme::Ones:
    P.Value.setOnes();
    return Status::ok();
  case ir::InitScheme::Constant:
    if (!A)
      return Status::error("the constant of an init is unknown");
    P.Value.setConstant(float(*A));
    return Status::ok();
  case ir::InitScheme::Uniform:
    fillUniform(P, A.value_or(0.0), B.value_or(1.0), Rng);
    return Status::ok();
  case ir::InitScheme::Normal:
    fillNormal(P, A.value_or(0.0), B.value_or(1.0), Rng);
    return Status::ok();
  case ir::InitScheme::XavierUniform: {
    if (!HasFans)
      return Status::error("xavier init of a 1-d tensor");
    double Bound = Gain.value_or(1.0) * std::sqrt(6.0 / (FanIn + FanOut));
    fillUniform(P, -Bound, Bound, Rng);
    return Status::ok();
  }
  case ir::InitScheme::XavierNormal:
    if (!HasFans)
      return Status::error("xavier init of a 1-d tensor");
    fillNormal(P, 0, Gain.value_or(1.0) * std::sqrt(2.0 / (FanIn + FanOut)), Rng);
    return Status::ok();
  case ir::InitScheme::KaimingUniform:
  case ir::InitScheme::KaimingNormal: {
    if (!HasFans)
      return Status::error("kaiming init of a 1-d tensor");
    double Neg = Gain.value_or(0.0);
    double G = std::sqrt(2.0 / (1 + Neg * Neg)); // leaky_relu gain, mode fan_in
    double Std = G / std::sqrt(FanIn);
    if (Scheme == ir::InitScheme::KaimingUniform)
      fillUniform(P, -std::sqrt(3.0) * Std, std::sqrt(3.0) * Std, Rng);
    else
      fillNormal(P, 0, Std, Rng);
    return Status::ok();
  }
  case ir::InitScheme::Orthogonal: {
    // torch: QR of a normal (rows x cols) matrix, transposed when wide; Q's
    // columns signed by R's diagonal; times gain.
    int64_t Rows = P.Value.rows(), Cols = P.Value.cols();
    bool Wide = Rows < Cols;
    Eigen::MatrixXd Flat(Wide ? Cols : Rows, Wide ? Rows : Cols);
    std::normal_distribution<double> N(0, 1);
    for (int64_t I = 0; I < Flat.size(); ++I)
      Flat.data()[I] = N(Rng);
    Eigen::HouseholderQR<Eigen::MatrixXd> QR(Flat);
    Eigen::MatrixXd Q = QR.householderQ() *
                        Eigen::MatrixXd::Identity(Flat.rows(), Flat.cols());
    Eigen::MatrixXd R = QR.matrixQR().triangularView<Eigen::Upper>();
    for (int64_t J = 0; J < Q.cols(); ++J)
      if (R(J, J) < 0)
        Q.col(J) *= -1;
    if (Wide)
      Q.transposeInPlace();
    P.Value = (Q * Gain.value_or(1.0)).cast<float>();
    return Status::ok();
  }
  case ir::InitScheme::Unknown:
    return Status::error("an initialisation is not known statically");
  }
  return Status::error("unhandled init scheme");
}

static bool roleMatches(ir::ParamRole Role, const Param &P) {
  switch (Role) {
  case ir::ParamRole::Weight:
    return P.IsWeight;
  case ir::ParamRole::Bias:
    return !P.IsWeight;
  case ir::ParamRole::Any:
    return true;
  }
  return true;
}

StatusOr<std::unique_ptr<Network>>
lower(const ir::Model &M, std::optional<int64_t> Features,
      const std::vector<ir::ActivationKind> &CallSiteActs, std::mt19937 &Rng,
      const std::vector<int64_t> &SampleDims) {
  if (!M.ChainKnown && M.Chain.empty())
    return Status::error("the layers of '" + M.Name + "' are not known");
  std::vector<ir::Layer> Chain = ir::flatten(M.Chain);
  if (Chain.empty())
    return Status::error("'" + M.Name + "' has no layers");
  StatusOr<Shape> In = inferInputShape(Chain, Features, SampleDims);
  if (!In)
    return In.status();
  auto Net = std::make_unique<Network>();
  Builder B;
  B.Dry = false;
  B.Net = Net.get();
  Status S = B.run(Chain, *In);
  if (!S)
    return S;
  for (ir::ActivationKind Act : CallSiteActs) {
    auto A = makeActivation(Act, std::nullopt);
    if (!A)
      return Status::error("the activation at the loss call site is unknown");
    Shape Cur = Net->outputShape();
    Net->add(std::move(A), ir::LayerKind::Activation, Act, "call-site", Cur, true);
  }
  if (Net->Layers.empty())
    return Status::error("'" + M.Name + "' has no layers");

  // One stream per parameter and per init statement: dropping one init (a
  // counterfactual) leaves every other parameter's values as they were.
  uint64_t Base = (uint64_t(Rng()) << 32) | uint64_t(Rng());
  for (Network::Entry &E : Net->Layers)
    for (Param *P : E.L->params()) {
      std::mt19937 R = stream(Base, "default:" + P->Name);
      defaultInit(E.Kind, *P, R);
    }
  for (size_t K = 0; K < M.Inits.size(); ++K) {
    const ir::Init &I = M.Inits[K];
    if (I.Dead)
      continue;
    for (Network::Entry &E : Net->Layers) {
      if (!I.Layer.empty() && I.Layer != E.Name)
        continue;
      if (I.KindFilter && *I.KindFilter != E.Kind)
        continue;
      for (Param *P : E.L->params()) {
        if (!roleMatches(I.Role, *P))
          continue;
        if (!I.NameContains.empty() && P->Name.find(I.NameContains) == std::string::npos)
          continue;
        std::mt19937 R = stream(Base, "init" + std::to_string(K) + ":" + P->Name);
        Status IS = initParam(*P, I.Scheme, I.A, I.B, I.Gain, E.Kind, R);
        if (!IS)
          return Status::error(IS.message() + " (" + P->Name + ")");
      }
    }
  }
  return Net;
}

} // namespace gradlint::probe
