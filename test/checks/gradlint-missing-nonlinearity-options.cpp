// RUN: %check_gradlint %s --checks='-*,gradlint-missing-nonlinearity' \
// RUN:   --config="{CheckOptions: {gradlint-missing-nonlinearity.IncludeLowRank: true}}" \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// With IncludeLowRank, a low-rank factorisation is reported too.
struct LowRankFlaggedImpl : torch::nn::Module {
  LowRankFlaggedImpl() {
    down = register_module("down", torch::nn::Linear(512, 64));
    up = register_module("up", torch::nn::Linear(64, 512));
  }
  torch::Tensor forward(torch::Tensor x) { return torch::relu(up(down(x))); }
  torch::nn::Linear down{nullptr}, up{nullptr};
};
// CHECK: :[[@LINE-5]]:32: warning: 'up' is applied right after 'down' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-7]]:36: note: 'down' is here
TORCH_MODULE(LowRankFlagged);

// And so is a pair whose widths are only known at run time.
struct RuntimeWidthsFlaggedImpl : torch::nn::Module {
  RuntimeWidthsFlaggedImpl(int64_t in, int64_t hidden, int64_t out) {
    fc1 = register_module("fc1", torch::nn::Linear(in, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, out));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(fc1(x)); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
// CHECK: :[[@LINE-5]]:34: warning: 'fc2' is applied right after 'fc1' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-7]]:34: note: 'fc1' is here
TORCH_MODULE(RuntimeWidthsFlagged);

// Blocks whose widths come from constructor arguments (conv -> batch norm,
// no activation), used in a row.
struct Conv2dBNImpl : torch::nn::Module {
  Conv2dBNImpl(int64_t in, int64_t out)
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)))),
        bn(register_module("bn", torch::nn::BatchNorm2d(out))) {}
  torch::Tensor forward(torch::Tensor x) { return bn(conv(x)); }
  torch::nn::Conv2d conv;
  torch::nn::BatchNorm2d bn;
};
TORCH_MODULE(Conv2dBN);

struct ParamBlocksFlaggedImpl : torch::nn::Module {
  ParamBlocksFlaggedImpl()
      : a(register_module("a", Conv2dBN(3, 32))), b(register_module("b", Conv2dBN(32, 32))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(b(a(x))); }
  Conv2dBN a, b;
};
// CHECK: :[[@LINE-4]]:74: warning: 'conv' in 'b' is applied right after 'conv' in 'a' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-5]]:32: note: 'conv' in 'a' is here
TORCH_MODULE(ParamBlocksFlagged);

// An activation between still ends the pair.
torch::nn::Sequential ReluBetweenSilent() {
  return torch::nn::Sequential(torch::nn::Linear(512, 64), torch::nn::ReLU(), torch::nn::Linear(64, 512));
}
