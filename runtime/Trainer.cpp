//===- runtime/Trainer.cpp - Train a setup and measure it -----------------===//

#include "runtime/Trainer.h"
#include "runtime/Formula.h"
#include "runtime/Lowering.h"
#include "runtime/Random.h"
#include "runtime/layers/Embedding.h"
#include "runtime/losses/Loss.h"
#include "runtime/optimizers/Optimizer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gradlint::probe {

namespace {

void standardizeColumns(Mat &X) {
  for (int64_t J = 0; J < X.cols(); ++J) {
    double Mean = X.col(J).cast<double>().mean();
    double Var = (X.col(J).cast<double>().array() - Mean).square().mean();
    double Std = std::sqrt(Var) + 1e-8;
    X.col(J) = ((X.col(J).cast<double>().array() - Mean) / Std).cast<float>();
  }
}

/// Mean over columns of the standard deviation over rows.
double meanColumnStd(const Mat &X) {
  if (X.rows() < 2 || X.cols() == 0)
    return 0;
  double Sum = 0;
  for (int64_t J = 0; J < X.cols(); ++J) {
    double Mean = X.col(J).cast<double>().mean();
    Sum += std::sqrt((X.col(J).cast<double>().array() - Mean).square().mean());
  }
  return Sum / double(X.cols());
}

bool allFinite(const Mat &X) { return X.allFinite(); }

double median(std::vector<double> V) {
  if (V.empty())
    return 0;
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : 0.5 * (V[N / 2 - 1] + V[N / 2]);
}

double mean(const std::vector<double> &V) {
  return V.empty() ? 0 : std::accumulate(V.begin(), V.end(), 0.0) / double(V.size());
}

bool isSaturating(ir::ActivationKind K) {
  return K == ir::ActivationKind::Sigmoid || K == ir::ActivationKind::Tanh;
}

bool isRelu(ir::ActivationKind K) {
  return K == ir::ActivationKind::ReLU || K == ir::ActivationKind::ReLU6;
}

/// Max |cosine| between rows of W (zero rows count as identical).
double maxRowCosine(const Mat &W) {
  int64_t R = W.rows();
  if (R < 2)
    return std::nan("");
  Eigen::MatrixXd N = W.cast<double>();
  for (int64_t I = 0; I < R; ++I) {
    double Norm = N.row(I).norm();
    if (Norm > 0)
      N.row(I) /= Norm;
  }
  Eigen::MatrixXd G = N * N.transpose();
  double Max = 0;
  for (int64_t I = 0; I < R; ++I)
    for (int64_t J = I + 1; J < R; ++J) {
      bool ZeroI = N.row(I).squaredNorm() == 0, ZeroJ = N.row(J).squaredNorm() == 0;
      double C = ZeroI && ZeroJ ? 1.0 : std::abs(G(I, J));
      Max = std::max(Max, C);
    }
  return Max;
}

/// The best constant output for \p Loss on targets \p T: the targets' mean
/// (probabilities for bce, logits for bce_with_logits), or the class
/// frequencies as logits (cross_entropy) or log-probabilities (nll).
Mat constantOutput(ir::LossKind Loss, const Mat &T, int64_t Outputs) {
  int64_t N = T.rows();
  Mat C(N, Outputs);
  if (Loss == ir::LossKind::CrossEntropy || Loss == ir::LossKind::NLL) {
    Eigen::RowVectorXf Freq = Eigen::RowVectorXf::Constant(Outputs, 0.5f);
    for (int64_t R = 0; R < N; ++R)
      Freq(int64_t(T(R, 0))) += 1;
    Freq /= Freq.sum();
    for (int64_t R = 0; R < N; ++R)
      C.row(R) = Freq.array().log();
    return C;
  }
  Eigen::RowVectorXf Mean = T.colwise().mean();
  if (Loss == ir::LossKind::BCEWithLogits)
    Mean = Mean.unaryExpr([](float P) {
      P = std::clamp(P, 1e-6f, 1 - 1e-6f);
      return std::log(P / (1 - P));
    });
  for (int64_t R = 0; R < N; ++R)
    C.row(R) = Mean;
  return C;
}

/// The harm measure both variants of a claim are compared on, after
/// training. Regression: the program's loss on the output. Class and binary
/// losses: the correct pairing (cross-entropy or bce with logits) on the
/// output before the trailing activations, which equals the program's loss
/// when its pairing is right and is the honest one when the fix changes it.
double taskLoss(const Network &Net, ir::LossKind Kind, const Mat &Out,
                const Mat &T, bool NonFinite) {
  if (NonFinite || !Out.allFinite())
    return INFINITY;
  bool Class = Kind == ir::LossKind::CrossEntropy || Kind == ir::LossKind::NLL;
  bool Binary =
      Kind == ir::LossKind::BCE || Kind == ir::LossKind::BCEWithLogits;
  if (!Class && !Binary) {
    std::unique_ptr<Loss> L = makeLoss(Kind);
    double V = L->forward(Out, T);
    return std::isfinite(V) ? V : INFINITY;
  }
  size_t Pre = Net.Layers.size();
  while (Pre > 0 && Net.Layers[Pre - 1].Kind == ir::LayerKind::Activation)
    --Pre;
  std::unique_ptr<Loss> L = makeLoss(Class ? ir::LossKind::CrossEntropy
                                           : ir::LossKind::BCEWithLogits);
  double V = L->forward(Net.Acts[Pre], T);
  return std::isfinite(V) ? V : INFINITY;
}

/// One value as the creating call draws it: randn N(mid, half-width) (the
/// blocks of randn hold +-1 sigma), randint uniform integers, rand and
/// unknown uniform.
double draw(ir::DataDist D, double Lo, double Hi, std::mt19937 &Rng) {
  if (Lo > Hi)
    std::swap(Lo, Hi);
  if (Lo == Hi)
    return Lo;
  switch (D) {
  case ir::DataDist::Normal:
    return std::normal_distribution<double>(0.5 * (Lo + Hi), 0.5 * (Hi - Lo))(Rng);
  case ir::DataDist::Integers:
    return double(std::uniform_int_distribution<int64_t>(
        int64_t(std::ceil(Lo)), int64_t(std::floor(Hi)))(Rng));
  case ir::DataDist::Constant:
    return Lo;
  case ir::DataDist::Uniform:
  case ir::DataDist::Unknown:
    break;
  }
  return std::uniform_real_distribution<double>(Lo, Hi)(Rng);
}

} // namespace

Mat makeInput(const DataSpec &S, int64_t Rows, int64_t Features,
              std::mt19937 &Rng) {
  Mat X(Rows, Features);
  std::normal_distribution<double> Normal(0, 1);
  if (S.Blocks.empty() || S.Normalized) {
    for (int64_t I = 0; I < X.size(); ++I)
      X.data()[I] = float(Normal(Rng));
  } else {
    // Feature J takes the range of the block it falls in; the last block
    // extends over features the blocks do not count.
    std::vector<std::pair<double, double>> Range(static_cast<size_t>(Features));
    int64_t J = 0;
    for (size_t B = 0; B < S.Blocks.size() && J < Features; ++B) {
      const ir::FeatureBlock &FB = S.Blocks[B];
      bool Last = B + 1 == S.Blocks.size();
      int64_t Count = FB.Count && !Last ? *FB.Count : Features - J;
      for (int64_t K = 0; K < Count && J < Features; ++K, ++J)
        Range[size_t(J)] = {FB.Lo, FB.Hi};
    }
    for (int64_t R = 0; R < Rows; ++R)
      for (int64_t C = 0; C < Features; ++C)
        X(R, C) = float(draw(S.Dist, Range[size_t(C)].first,
                             Range[size_t(C)].second, Rng));
  }
  if (S.Standardize)
    standardizeColumns(X);
  return X;
}

StatusOr<Mat> ownTargets(const TrainingSetup &S, const Mat &X, int64_t Outputs,
                         bool ClassIndices, std::mt19937 &Rng) {
  int64_t N = X.rows();
  if (!S.Target.Formula.empty() && !ClassIndices) {
    StatusOr<Mat> T = evalFormula(S.Target.Formula, X);
    if (!T)
      return T.status();
    if (T->rows() != N || (T->cols() != Outputs && T->cols() != 1))
      return Status::error("the targets' formula gives " +
                           std::to_string(T->cols()) + " values per sample but "
                           "the model has " + std::to_string(Outputs) + " outputs");
    if (T->cols() == 1 && Outputs != 1) {
      Mat W = T->col(0).replicate(1, Outputs);
      return W;
    }
    return *T;
  }
  const DataSpec &D = S.Target;
  if (D.Dist == ir::DataDist::Unknown || D.Blocks.empty() || D.Normalized)
    return Status::error("");
  double Lo = D.Blocks.front().Lo, Hi = D.Blocks.front().Hi;
  if (ClassIndices) {
    Mat T(N, 1);
    for (int64_t R = 0; R < N; ++R)
      T(R, 0) = float(std::clamp<double>(std::round(draw(D.Dist, Lo, Hi, Rng)), 0,
                                         double(Outputs - 1)));
    return T;
  }
  Mat T(N, Outputs);
  for (int64_t I = 0; I < T.size(); ++I)
    T.data()[I] = float(draw(D.Dist, Lo, Hi, Rng));
  return T;
}

Mat makeTargets(const TrainingSetup &S, const Mat &X, int64_t Outputs,
                bool ClassIndices, bool SigmoidOutput, std::mt19937 &Rng) {
  int64_t N = X.rows();
  Mat XS = X;
  standardizeColumns(XS);
  std::normal_distribution<double> Normal(0, 1);
  Mat V(X.cols(), Outputs);
  for (int64_t I = 0; I < V.size(); ++I)
    V.data()[I] = float(Normal(Rng) / std::sqrt(double(X.cols())));
  Mat Z = XS * V; // the teacher: a random projection of the input
  if (ClassIndices) {
    Mat T(N, 1);
    standardizeColumns(Z);
    for (int64_t R = 0; R < N; ++R) {
      Eigen::Index Arg;
      Z.row(R).maxCoeff(&Arg);
      T(R, 0) = float(Arg);
    }
    return T;
  }
  // Rank transform: a uniform quantile per sample and output.
  Mat Uq(N, Outputs);
  for (int64_t J = 0; J < Outputs; ++J) {
    std::vector<int64_t> Order(static_cast<size_t>(N));
    std::iota(Order.begin(), Order.end(), 0);
    std::sort(Order.begin(), Order.end(),
              [&](int64_t A, int64_t B) { return Z(A, J) < Z(B, J); });
    for (int64_t R = 0; R < N; ++R)
      Uq(Order[size_t(R)], J) = float((double(R) + 0.5) / double(N));
  }
  bool Binary = S.Loss == ir::LossKind::BCE || S.Loss == ir::LossKind::BCEWithLogits;
  if (!S.Target.Blocks.empty() && !S.Target.Normalized) {
    double Lo = S.Target.Blocks.front().Lo, Hi = S.Target.Blocks.front().Hi;
    if (Binary) {
      Lo = std::clamp(Lo, 0.0, 1.0);
      Hi = std::clamp(Hi, 0.0, 1.0);
    }
    return (Lo + (Hi - Lo) * Uq.cast<double>().array()).cast<float>().matrix();
  }
  if (Binary)
    return (Uq.array() > 0.5f).cast<float>().matrix();
  if (SigmoidOutput)
    return Uq;
  standardizeColumns(Z);
  return Z;
}

StatusOr<RunData> prepareRun(const TrainingSetup &S, uint64_t Seed) {
  // Independent streams: a fix that changes the init, the input or the
  // architecture leaves every other draw of this seed as it was.
  std::mt19937 InitRng = stream(Seed, "init"), DataRng = stream(Seed, "data"),
               TargetRng = stream(Seed, "targets");
  std::unique_ptr<Loss> L = makeLoss(S.Loss);
  if (!L)
    return Status::error("the loss '" + std::string(ir::name(S.Loss)) +
                         "' is not modelled");
  auto NetOr = lower(S.Model, S.Input.Features, S.CallSiteActs, InitRng,
                     S.Input.SampleDims);
  if (!NetOr)
    return NetOr.status();
  RunData D;
  D.Net = std::move(*NetOr);
  Network &Net = *D.Net;
  int64_t Features = Net.inputShape().size();
  if (S.Input.Features && *S.Input.Features != Features)
    return Status::error("shape mismatch: the input has " +
                         std::to_string(*S.Input.Features) +
                         " features but the model expects " +
                         std::to_string(Features));
  // Targets come from the input as the code computes it, before the
  // StandardizeInput fix rescales what the model sees.
  DataSpec Raw = S.Input;
  Raw.Standardize = false;
  D.X = makeInput(Raw, S.Batch, Features, DataRng);
  if (const auto *E = dynamic_cast<const Embedding *>(Net.Layers.front().L.get())) {
    // Token ids as the code draws them (randint): anything else is not an
    // index LibTorch would accept.
    if (!E->validIds(D.X))
      return Status::error("the input of '" + Net.Layers.front().Name +
                           "' is not stated as token ids inside its vocabulary");
    if (S.Input.Standardize)
      return Status::error("standardising token ids is not modelled");
  }
  int64_t Outputs = Net.outputShape().size();
  bool SigmoidOut = Net.Layers.back().Act == ir::ActivationKind::Sigmoid;
  StatusOr<Mat> Own = ownTargets(S, D.X, Outputs, L->classIndices(), TargetRng);
  if (Own)
    D.T = std::move(*Own);
  else if (!Own.status().message().empty())
    return Own.status();
  else
    D.T = makeTargets(S, D.X, Outputs, L->classIndices(), SigmoidOut, TargetRng);
  if (S.Input.Standardize)
    standardizeColumns(D.X);
  return D;
}

void downsample(ir::SeedCurve &C, int Max) {
  size_t N = C.Steps.size();
  if (Max < 2 || N <= size_t(Max))
    return;
  // Sample K of Max is at index K * (N - 1) / (Max - 1): evenly spaced,
  // first and last kept, strictly increasing since N > Max.
  auto Pick = [&](auto &V) {
    using T = typename std::decay_t<decltype(V)>::value_type;
    std::vector<T> Out;
    Out.reserve(size_t(Max));
    for (size_t K = 0; K < size_t(Max); ++K)
      Out.push_back(V[K * (N - 1) / size_t(Max - 1)]);
    V = std::move(Out);
  };
  Pick(C.Steps);
  Pick(C.Loss);
  for (std::vector<double> &G : C.GradNorm)
    if (G.size() == N)
      Pick(G);
}

StatusOr<Measurements> train(const TrainingSetup &S, int Steps, uint64_t Seed,
                             ir::SeedCurve *Curve,
                             std::vector<std::string> *Layers) {
  StatusOr<RunData> DOr = prepareRun(S, Seed);
  if (!DOr)
    return DOr.status();
  Network &Net = *DOr->Net;
  const Mat &X = DOr->X;
  const Mat &T = DOr->T;
  std::mt19937 Rng = stream(Seed, "dropout");
  std::unique_ptr<Loss> L = makeLoss(S.Loss);
  int64_t Outputs = Net.outputShape().size();
  Mat TargetValues = T;
  if (L->classIndices()) {
    TargetValues = Mat::Zero(T.rows(), Outputs);
    for (int64_t R = 0; R < T.rows(); ++R)
      TargetValues(R, int64_t(T(R, 0))) = 1;
  }
  std::unique_ptr<Optimizer> Opt = makeOptimizer(S.Opt);
  if (!Opt)
    return Status::error("the optimizer is not modelled");
  std::vector<Param *> Params = Net.params();
  // What the optimizer holds: every parameter but those of layers the
  // code never registered (parameters() does not return them).
  std::vector<Param *> Held;
  for (const Network::Entry &E : Net.Layers) {
    if (!E.L)
      continue;
    bool Frozen = !E.Name.empty() && S.Frozen.count(E.Name);
    for (Param *P : E.L->params())
      if (!Frozen)
        Held.push_back(P);
  }
  // Every parameter's start, for unmoved_share.
  std::vector<Mat> Start;
  for (Param *P : Params)
    Start.push_back(P->Value);

  // The layers measurements look at.
  std::vector<size_t> Affine;
  for (size_t I = 0; I < Net.Layers.size(); ++I)
    if (ir::isAffine(Net.Layers[I].Kind) && !Net.Layers[I].CallSite)
      Affine.push_back(I);
  size_t LastAffine = Affine.empty() ? 0 : Affine.back();
  std::vector<size_t> Saturating, Relus;
  for (size_t I = 0; I < Net.Layers.size(); ++I) {
    const Network::Entry &E = Net.Layers[I];
    if (E.CallSite || E.Kind != ir::LayerKind::Activation)
      continue;
    if (isSaturating(E.Act) && (Affine.empty() || I < LastAffine))
      Saturating.push_back(I);
    if (isRelu(E.Act))
      Relus.push_back(I);
  }
  if (Saturating.empty()) // no hidden sigmoid/tanh: look at the output one
    for (size_t I = 0; I < Net.Layers.size(); ++I)
      if (!Net.Layers[I].CallSite && isSaturating(Net.Layers[I].Act))
        Saturating.push_back(I);

  Measurements M;
  bool Training = true, HaveOut = false, HaveLoss = false, NonFinite = false;
  std::vector<double> Losses, GradRatios, FirstNorms, LastNorms, TotalNorms,
      OutGradNorms, RelUpdates;
  double SatCount = 0, SatTotal = 0;
  bool SpreadDone = false;
  const Mat *Out = nullptr;

  auto Forward = [&] {
    Out = &Net.forward(X, Training, Rng);
    HaveOut = true;
    for (size_t I : Saturating) {
      const Mat &A = Net.Acts[I];
      SatCount += double((A.array().abs() >= 5.0f).count());
      SatTotal += double(A.size());
    }
    if (!SpreadDone && Affine.size() >= 2) {
      double First = meanColumnStd(Net.Acts[Affine.front() + 1]);
      double Last = meanColumnStd(Net.Acts[Affine.back() + 1]);
      M[std::string(ir::name(ir::Metric::ActivationSpreadRatio))] =
          First > 0 ? Last / First : std::nan("");
      SpreadDone = true;
    }
    if (!allFinite(*Out))
      NonFinite = true;
  };

  // This step's loss and per-layer weight gradient norms, for Curve.
  double StepLoss = NAN;
  std::vector<double> StepNorms;
  bool StepBackward = false;

  auto Run = [&](Action A) {
    switch (A) {
    case Action::Forward:
      Forward();
      break;
    case Action::Loss: {
      if (!HaveOut)
        Forward();
      double V = L->forward(*Out, T);
      Losses.push_back(V);
      StepLoss = V;
      HaveLoss = true;
      if (!std::isfinite(V))
        NonFinite = true;
      break;
    }
    case Action::ZeroGrad:
      Net.zeroGrad();
      break;
    case Action::Backward: {
      if (!HaveLoss || S.GradDisabled)
        break;
      Mat D;
      L->backward(D);
      Net.backward(D);
      double Total = 0;
      for (Param *P : Params)
        Total += double(P->Grad.squaredNorm());
      TotalNorms.push_back(std::sqrt(Total));
      if (!Affine.empty()) {
        OutGradNorms.push_back(double(Net.Grads[LastAffine + 1].norm()));
        auto WeightOf = [&](size_t I) { return Net.Layers[I].L->params().front(); };
        double F = WeightOf(Affine.front())->Grad.norm();
        double La = WeightOf(Affine.back())->Grad.norm();
        FirstNorms.push_back(F);
        LastNorms.push_back(La);
        if (Affine.size() >= 2 && La > 0)
          GradRatios.push_back(F / La);
        if (Curve) {
          StepNorms.clear();
          for (size_t I : Affine)
            StepNorms.push_back(double(WeightOf(I)->Grad.norm()));
          StepBackward = true;
        }
      }
      break;
    }
    case Action::Step: {
      if (!S.OptimizerHoldsModel)
        break;
      std::vector<Mat> Before;
      for (size_t I : Affine)
        Before.push_back(Net.Layers[I].L->params().front()->Value);
      Opt->step(Held);
      for (size_t K = 0; K < Affine.size(); ++K) {
        const Mat &W = Net.Layers[Affine[K]].L->params().front()->Value;
        double Norm = Before[K].norm();
        if (Norm > 0)
          RelUpdates.push_back((W - Before[K]).norm() / Norm);
      }
      break;
    }
    case Action::ResetOptimizer:
      Opt->reset();
      break;
    case Action::Train:
      Training = true;
      break;
    case Action::Eval:
      Training = false;
      break;
    }
  };

  for (Action A : S.Once)
    Run(A);
  int Done = 0;
  if (Curve) {
    *Curve = ir::SeedCurve();
    Curve->GradNorm.resize(Affine.size());
  }
  if (Layers) {
    Layers->clear();
    for (size_t I : Affine)
      Layers->push_back(Net.Layers[I].Name.empty()
                            ? "layer " + std::to_string(I)
                            : Net.Layers[I].Name);
  }
  for (; Done < Steps && !NonFinite; ++Done) {
    // An optimizer constructed in a loop around the training loop starts
    // afresh each time that loop comes round.
    if (S.ResetEvery > 0 && Done > 0 && Done % S.ResetEvery == 0)
      Opt->reset();
    HaveOut = HaveLoss = false;
    StepLoss = NAN;
    StepBackward = false;
    for (Action A : S.Each)
      Run(A);
    if (Curve) {
      Curve->Steps.push_back(Done);
      Curve->Loss.push_back(StepLoss);
      for (size_t K = 0; K < Affine.size(); ++K)
        Curve->GradNorm[K].push_back(StepBackward ? StepNorms[K] : NAN);
    }
  }
  if (Curve)
    downsample(*Curve, ir::MaxCurvePoints);

  // The state after training, in the mode the last step ran in (the loss
  // each variant was minimising).
  Forward();
  for (Param *P : Params)
    if (!allFinite(P->Value))
      NonFinite = true;
  auto Name = [](ir::Metric K) { return std::string(ir::name(K)); };
  M["steps"] = Done;
  M[Name(ir::Metric::NonFinite)] = NonFinite ? 1 : 0;
  if (!Losses.empty()) {
    M["first_loss"] = Losses.front();
    M["final_loss"] = Losses.back();
    // Divergence (a NaN/inf loss) is the extreme of a growing loss.
    M[Name(ir::Metric::LossDecrease)] =
        !std::isfinite(Losses.front()) || !std::isfinite(Losses.back())
            ? -INFINITY
        : Losses.front() != 0 ? (Losses.front() - Losses.back()) / Losses.front()
                              : 0;
  }
  M["task_loss"] = taskLoss(Net, S.Loss, *Out, T, NonFinite);
  if (!GradRatios.empty()) {
    double LogSum = 0;
    for (double R : GradRatios)
      LogSum += std::log(std::max(R, 1e-30));
    M[Name(ir::Metric::FirstLastGradRatio)] = std::exp(LogSum / double(GradRatios.size()));
  }
  if (!FirstNorms.empty()) {
    M["first_grad_norm"] = mean(FirstNorms);
    M["last_grad_norm"] = mean(LastNorms);
  } else {
    M["first_grad_norm"] = 0;
    M["last_grad_norm"] = 0;
  }
  if (SatTotal > 0)
    M[Name(ir::Metric::SaturatedShare)] = SatCount / SatTotal;
  if (!Relus.empty()) {
    double Dead = 0, Units = 0;
    for (size_t I : Relus) {
      const Mat &A = Net.Acts[I + 1];
      for (int64_t J = 0; J < A.cols(); ++J) {
        double Active = double((A.col(J).array() > 0).count());
        Dead += Active < 0.01 * double(A.rows()) ? 1 : 0; // active < 1 %
        Units += 1;
      }
    }
    M[Name(ir::Metric::DeadShare)] = Dead / Units;
  }
  double TargetSpread = meanColumnStd(TargetValues);
  if (TargetSpread > 0)
    M[Name(ir::Metric::OutputSpreadRatio)] = meanColumnStd(*Out) / TargetSpread;
  M[Name(ir::Metric::RelativeUpdate)] = median(RelUpdates);
  double Sim = -1;
  for (size_t K = 0; K + 1 < Affine.size(); ++K) {
    double C = maxRowCosine(Net.Layers[Affine[K]].L->params().front()->Value);
    if (!std::isnan(C))
      Sim = std::max(Sim, C);
  }
  if (Sim >= 0)
    M[Name(ir::Metric::HiddenUnitSimilarity)] = Sim;
  if (!TotalNorms.empty())
    M[Name(ir::Metric::GradNormGrowth)] =
        TotalNorms.front() > 0 ? TotalNorms.back() / TotalNorms.front() : 0;
  M[Name(ir::Metric::ZeroOutputShare)] =
      Out->size() ? double((Out->array() == 0.0f).count()) / double(Out->size()) : 0;
  M[Name(ir::Metric::OutputGradNorm)] = mean(OutGradNorms);
  M[Name(ir::Metric::WeightGradNorm)] = mean(TotalNorms);
  if (!Params.empty()) {
    double Unmoved = 0;
    for (size_t I = 0; I < Params.size(); ++I)
      Unmoved += (Params[I]->Value - Start[I]).norm() <= 1e-12 * Start[I].norm();
    M[Name(ir::Metric::UnmovedShare)] = Unmoved / double(Params.size());
  }
  // The raw loss after training; a verdict divides the written run's by
  // the fixed run's (Probe.cpp).
  M[Name(ir::Metric::LossRatio)] = M["task_loss"];
  if (!Losses.empty()) {
    double Base = L->forward(constantOutput(S.Loss, T, Outputs), T);
    if (Base > 0 && std::isfinite(Losses.back()))
      M[Name(ir::Metric::RelativeFinalLoss)] = Losses.back() / Base;
  }
  return M;
}

} // namespace gradlint::probe
