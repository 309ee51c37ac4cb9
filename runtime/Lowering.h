//===- runtime/Lowering.h - Model IR -> probe network ----------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LOWERING_H
#define GRADLINT_RUNTIME_LOWERING_H

#include "rules/ir/Model.h"
#include "rules/ir/Status.h"
#include "runtime/Network.h"

#include <memory>
#include <optional>
#include <random>

namespace gradlint::probe {

/// The shape of one input sample of \p Chain: flat when it starts with a
/// linear layer, (C, L) or (C, H, W) for a convolution, the length or side
/// taken from \p Features or solved from the first linear layer after the
/// flatten. \p SampleDims, when the code states them ({1, 28, 28}), win.
/// An error says why it cannot be known.
StatusOr<Shape> inferInputShape(const std::vector<ir::Layer> &Chain,
                                std::optional<int64_t> Features,
                                const std::vector<int64_t> &SampleDims = {});

/// The network of \p M's chain followed by \p CallSiteActs, initialised as
/// LibTorch's defaults and then \p M's Inits in source order. An error
/// ("conv3d layers are not modelled", "the output size of 'fc2' is
/// unknown") for whatever the probe cannot express.
StatusOr<std::unique_ptr<Network>>
lower(const ir::Model &M, std::optional<int64_t> Features,
      const std::vector<ir::ActivationKind> &CallSiteActs, std::mt19937 &Rng,
      const std::vector<int64_t> &SampleDims = {});

/// LibTorch's reset_parameters() for one layer's parameter: kaiming_uniform
/// with a = sqrt(5) (U(+-1/sqrt(fan_in))) for linear/conv weights, U(+-1 /
/// sqrt(fan_in)) for their biases, ones and zeros for norms.
void defaultInit(ir::LayerKind Kind, Param &P, std::mt19937 &Rng);

/// Applies one torch::nn::init scheme to \p P (A, B, Gain as in ir::Init).
Status initParam(Param &P, ir::InitScheme Scheme, std::optional<double> A,
                 std::optional<double> B, std::optional<double> Gain,
                 ir::LayerKind Kind, std::mt19937 &Rng);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LOWERING_H
