//===- runtime/Trainer.h - Train a setup and measure it --------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_TRAINER_H
#define GRADLINT_RUNTIME_TRAINER_H

#include "rules/ir/Finding.h"
#include "rules/ir/Status.h"
#include "runtime/Network.h"
#include "runtime/Setup.h"

#include <map>
#include <memory>
#include <random>
#include <string>

namespace gradlint::probe {

/// The measurements of one run, by ir::name(Metric) and a few more
/// ("first_loss", "final_loss", "task_loss", "first_grad_norm",
/// "last_grad_norm", "steps"). A metric that is undefined for the network (no ReLU for
/// dead_share) is absent.
using Measurements = std::map<std::string, double>;

/// Synthetic input for \p S: uniform in each feature block's range,
/// standard normal when unknown or normalised; standardised per feature
/// when S.Input.Standardize.
Mat makeInput(const DataSpec &S, int64_t Rows, int64_t Features,
              std::mt19937 &Rng);

/// The targets the code states: its formula of the input (\p X, as
/// created), or draws from the distribution of its creating call
/// (independent of the input, as the program's are). An error with an
/// empty message when the code states neither.
StatusOr<Mat> ownTargets(const TrainingSetup &S, const Mat &X, int64_t Outputs,
                         bool ClassIndices, std::mt19937 &Rng);

/// When the code does not state them, targets a healthy network can learn: a random monotone function of the
/// input, mapped to the stated target range (uniform marginal), to N(0, 1)
/// when unknown (U(0, 1) behind a sigmoid output), to {0, 1} for bce, to
/// balanced class indices for cross_entropy/nll.
Mat makeTargets(const TrainingSetup &S, const Mat &X, int64_t Outputs,
                bool ClassIndices, bool SigmoidOutput, std::mt19937 &Rng);

/// What one seed's run starts from: the network with its initial weights,
/// the input batch (standardised under that fix) and the targets.
struct RunData {
  std::unique_ptr<Network> Net;
  Mat X;
  Mat T;
};

/// The network, input and targets of seed \p Seed, each from its own
/// stream ("init", "data", "targets"); shared by train() and the LibTorch
/// truth suite, which trains the same start in LibTorch.
StatusOr<RunData> prepareRun(const TrainingSetup &S, uint64_t Seed);

/// Trains \p S for \p Steps iterations from seed \p Seed, stopping early at
/// a non-finite loss; an error if it cannot be built. The seed's streams
/// (init, data, targets, dropout) are independent of one another. Also
/// measures "task_loss": the loss after training both variants of a claim
/// are compared on (see taskLoss in Trainer.cpp).
/// With \p Curve, also records the loss and each affine layer's weight
/// gradient norm at every step, downsampled to ir::MaxCurvePoints, and the
/// recorded layers' names in \p Layers.
StatusOr<Measurements> train(const TrainingSetup &S, int Steps, uint64_t Seed,
                             ir::SeedCurve *Curve = nullptr,
                             std::vector<std::string> *Layers = nullptr);

/// Keeps at most \p Max evenly spaced samples of \p C, the first and the
/// last among them.
void downsample(ir::SeedCurve &C, int Max);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_TRAINER_H
