// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/nn/functional/*.h: only the public overloads (the ones taking a
// FuncOptions); the (Tensor, double, bool) forms live in
// torch::nn::functional::detail in real LibTorch. There is no F::sigmoid or
// F::tanh: use torch::sigmoid (at::sigmoid).
#pragma once

#include <torch/nn/options.h>

namespace torch {
namespace nn {
namespace functional {
Tensor elu(Tensor input, const ELUFuncOptions &options = {});
Tensor selu(Tensor input, const SELUFuncOptions &options = {});
Tensor hardtanh(Tensor input, const HardtanhFuncOptions &options = {});
Tensor leaky_relu(Tensor input, const LeakyReLUFuncOptions &options = {});
Tensor logsigmoid(const Tensor &input);
Tensor softmax(const Tensor &input, const SoftmaxFuncOptions &options);
Tensor log_softmax(const Tensor &input, const LogSoftmaxFuncOptions &options);
Tensor gelu(const Tensor &input, const GELUFuncOptions &options = {});
Tensor silu(const Tensor &input);
Tensor mish(const Tensor &input);
Tensor prelu(const Tensor &input, const Tensor &weight);
Tensor relu(Tensor input, const ReLUFuncOptions &options = {});
Tensor relu6(Tensor input, const ReLU6FuncOptions &options = {});
Tensor celu(Tensor input, const CELUFuncOptions &options = {});
Tensor softplus(const Tensor &input, const SoftplusFuncOptions &options = {});
Tensor softsign(const Tensor &input);
Tensor tanhshrink(const Tensor &input);
Tensor threshold(Tensor input, const ThresholdFuncOptions &options);

Tensor l1_loss(const Tensor &input, const Tensor &target, const L1LossFuncOptions &options = {});
Tensor kl_div(const Tensor &input, const Tensor &target, const KLDivFuncOptions &options = {});
Tensor mse_loss(const Tensor &input, const Tensor &target, const MSELossFuncOptions &options = {});
Tensor binary_cross_entropy(const Tensor &input, const Tensor &target, const BinaryCrossEntropyFuncOptions &options = {});
Tensor smooth_l1_loss(const Tensor &input, const Tensor &target, const SmoothL1LossFuncOptions &options = {}, double beta = 1.);
Tensor huber_loss(const Tensor &input, const Tensor &target, const HuberLossFuncOptions &options = {});
Tensor nll_loss(const Tensor &input, const Tensor &target, const NLLLossFuncOptions &options = {});
Tensor cross_entropy(const Tensor &input, const Tensor &target, const CrossEntropyFuncOptions &options = {});
Tensor binary_cross_entropy_with_logits(const Tensor &input, const Tensor &target, const BinaryCrossEntropyWithLogitsFuncOptions &options = {});

Tensor bilinear(const Tensor &input1, const Tensor &input2, const Tensor &weight, const Tensor &bias = Tensor());
Tensor linear(const Tensor &input, const Tensor &weight, const Tensor &bias = {});
Tensor dropout(Tensor input, const DropoutFuncOptions &options = {});
Tensor dropout2d(Tensor input, const Dropout2dFuncOptions &options = {});
Tensor dropout3d(Tensor input, const Dropout3dFuncOptions &options = {});

Tensor avg_pool1d(const Tensor &input, const AvgPool1dFuncOptions &options);
Tensor avg_pool2d(const Tensor &input, const AvgPool2dFuncOptions &options);
Tensor avg_pool3d(const Tensor &input, const AvgPool3dFuncOptions &options);
Tensor max_pool1d(const Tensor &input, const MaxPool1dFuncOptions &options);
Tensor max_pool2d(const Tensor &input, const MaxPool2dFuncOptions &options);
Tensor max_pool3d(const Tensor &input, const MaxPool3dFuncOptions &options);
Tensor adaptive_avg_pool1d(const Tensor &input, const AdaptiveAvgPool1dFuncOptions &options);
Tensor adaptive_avg_pool2d(const Tensor &input, const AdaptiveAvgPool2dFuncOptions &options);
Tensor adaptive_max_pool2d(const Tensor &input, const AdaptiveMaxPool2dFuncOptions &options);

Tensor batch_norm(const Tensor &input, const Tensor &running_mean, const Tensor &running_var, const BatchNormFuncOptions &options = {});
Tensor normalize(const Tensor &input, NormalizeFuncOptions options = {});
Tensor layer_norm(const Tensor &input, const LayerNormFuncOptions &options);
Tensor one_hot(const Tensor &tensor, int64_t num_classes = -1);
Tensor embedding(const Tensor &input, const Tensor &weight, const EmbeddingFuncOptions &options = {});
Tensor conv1d(const Tensor &input, const Tensor &weight, const Conv1dFuncOptions &options = {});
Tensor conv2d(const Tensor &input, const Tensor &weight, const Conv2dFuncOptions &options = {});
} // namespace functional
} // namespace nn
} // namespace torch
