//===- runtime/Trainer.h - Train a setup and measure it --------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_TRAINER_H
#define GRADLINT_RUNTIME_TRAINER_H

#include "rules/ir/Status.h"
#include "runtime/Network.h"
#include "runtime/Setup.h"

#include <map>
#include <random>
#include <string>

namespace gradlint::probe {

/// The measurements of one run, by ir::name(Metric) and a few more
/// ("first_loss", "final_loss", "first_grad_norm", "last_grad_norm",
/// "steps"). A metric that is undefined for the network (no ReLU for
/// dead_share) is absent.
using Measurements = std::map<std::string, double>;

/// Synthetic input for \p S: uniform in each feature block's range,
/// standard normal when unknown or normalised; standardised per feature
/// when S.Input.Standardize.
Mat makeInput(const DataSpec &S, int64_t Rows, int64_t Features,
              std::mt19937 &Rng);

/// Targets a healthy network can learn: a random monotone function of the
/// input, mapped to the stated target range (uniform marginal), to N(0, 1)
/// when unknown (U(0, 1) behind a sigmoid output), to {0, 1} for bce, to
/// balanced class indices for cross_entropy/nll.
Mat makeTargets(const TrainingSetup &S, const Mat &X, int64_t Outputs,
                bool ClassIndices, bool SigmoidOutput, std::mt19937 &Rng);

/// Trains \p S for \p Steps iterations from seed \p Seed, stopping early at
/// a non-finite loss or after \p MaxSeconds; an error if it cannot be built.
StatusOr<Measurements> train(const TrainingSetup &S, int Steps, unsigned Seed,
                             double MaxSeconds = 30);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_TRAINER_H
