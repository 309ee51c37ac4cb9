//===- rules/InitScale.h - Which layers an init touches, at what scale -*- C++ -*-===//
//
// Shared by the initialisation checks: the chain layers an Init statement
// applies to, the scale (root mean square) of the weights it draws, and the
// scale the activation after the layer needs (LeCun/Glorot 1/sqrt(fan_in)
// for sigmoid, tanh and linear outputs; He sqrt(2/fan_in) for the ReLU
// family).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RULES_INITSCALE_H
#define GRADLINT_RULES_INITSCALE_H

#include "rules/ir/Model.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::rules {

/// Whether \p I sets weights (a weight role, or every parameter, and not a
/// name filter that picks biases).
bool touchesWeight(const ir::Init &I);

/// Indices into the flattened \p Chain of the layers \p I applies to: the
/// layer with its name, or for an anonymous init every layer of its
/// KindFilter (every affine layer without one).
std::vector<size_t> initTargets(const std::vector<ir::Layer> &Chain,
                                const ir::Init &I);

/// Index of the last affine layer of \p Chain, or nullopt.
std::optional<size_t> lastAffine(const std::vector<ir::Layer> &Chain);

/// Inputs per output unit of a Linear or Conv1d/2d/3d weight.
std::optional<double> fanIn(const ir::Layer &L);
/// Outputs per input unit, for Glorot.
std::optional<double> fanOut(const ir::Layer &L);

/// Root mean square of the weights \p I draws for \p L, for the random
/// schemes (uniform, normal, xavier, kaiming, orthogonal); nullopt for the
/// default and for constants, which other checks handle.
std::optional<double> initScale(const ir::Init &I, const ir::Layer &L);

/// The weight scale a layer with \p FanIn inputs needs before \p Act.
double neededScale(ir::ActivationKind Act, double FanIn);

/// The init as written, for messages: "uniform(0, 0.01)".
std::string describeInit(const ir::Init &I);

/// One layer whose weight scale is off, for the small/exploding checks.
struct ScaleMismatch {
  ir::Layer L;
  ir::ActivationKind Act = ir::ActivationKind::Identity;
  double FanIn = 0;
  double Scale = 0;
  double Needed = 0;
};

/// "10 inputs into a sigmoid", or "10 inputs" before no activation.
std::string inputsInto(const ScaleMismatch &S);

/// The layers of \p M that \p I gives a scale \p Factor times below
/// (\p Below) or above the one they need; the model's output layer is left
/// out when \p SkipOutput.
std::vector<ScaleMismatch> scaleMismatches(const ir::Model &M,
                                           const ir::Init &I, double Factor,
                                           bool Below, bool SkipOutput);

} // namespace gradlint::rules

#endif // GRADLINT_RULES_INITSCALE_H
