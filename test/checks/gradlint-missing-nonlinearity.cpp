// RUN: %check_gradlint %s --checks='-*,gradlint-missing-nonlinearity' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// Off by default; enabled explicitly above.
struct ForgotReluFlaggedImpl : torch::nn::Module {
  ForgotReluFlaggedImpl()
      : fc1(register_module("fc1", torch::nn::Linear(784, 256))),
        fc2(register_module("fc2", torch::nn::Linear(256, 10))) {}
  torch::Tensor forward(torch::Tensor x) {
    x = fc1(x);
    return fc2(x);
  }
  torch::nn::Linear fc1, fc2;
};
// CHECK: :[[@LINE-7]]:36: warning: 'fc2' is applied right after 'fc1' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-9]]:36: note: 'fc1' is here
TORCH_MODULE(ForgotReluFlagged);

torch::nn::Sequential ReluBetweenSilent() {
  return torch::nn::Sequential(torch::nn::Linear(784, 256), torch::nn::ReLU(),
                               torch::nn::Linear(256, 10));
}

// conv -> batch norm -> conv: batch norm is a per-channel affine map at
// inference, so the two convolutions are still one.
struct ConvBnConvFlaggedImpl : torch::nn::Module {
  ConvBnConvFlaggedImpl() {
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 32, 3).padding(1)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(32));
    conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = bn1->forward(conv1->forward(x));
    x = conv2->forward(x);
    return torch::relu(x);
  }
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr};
};
// CHECK: :[[@LINE-10]]:38: warning: 'conv2' is applied right after 'conv1' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-13]]:38: note: 'conv1' is here
TORCH_MODULE(ConvBnConvFlagged);

// Conv + batch norm blocks whose author forgot the ReLU, used in a row:
// the chain is followed into the blocks.
struct StemConvBNImpl : torch::nn::Module {
  StemConvBNImpl()
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 32, 3).padding(1).bias(false)))),
        bn(register_module("bn", torch::nn::BatchNorm2d(32))) {}
  torch::Tensor forward(torch::Tensor x) { return bn(conv(x)); }
  torch::nn::Conv2d conv;
  torch::nn::BatchNorm2d bn;
};
TORCH_MODULE(StemConvBN);

struct WideConvBNImpl : torch::nn::Module {
  WideConvBNImpl()
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1).bias(false)))),
        bn(register_module("bn", torch::nn::BatchNorm2d(64))) {}
  torch::Tensor forward(torch::Tensor x) { return bn->forward(conv->forward(x)); }
  torch::nn::Conv2d conv;
  torch::nn::BatchNorm2d bn;
};
TORCH_MODULE(WideConvBN);

struct StemFlaggedImpl : torch::nn::Module {
  StemFlaggedImpl()
      : block1(register_module("block1", StemConvBN())),
        block2(register_module("block2", WideConvBN())) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(block2(block1(x))); }
  StemConvBN block1;
  WideConvBN block2;
};
// CHECK: :[[@LINE-5]]:42: warning: 'conv' in 'block2' is applied right after 'conv' in 'block1' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-7]]:42: note: 'conv' in 'block1' is here
TORCH_MODULE(StemFlagged);

// The same blocks with a ReLU between the uses: silent.
struct StemWithReluSilentImpl : torch::nn::Module {
  StemWithReluSilentImpl()
      : block1(register_module("block1", StemConvBN())),
        block2(register_module("block2", WideConvBN())) {}
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(block1->forward(x));
    return torch::relu(block2->forward(x));
  }
  StemConvBN block1;
  WideConvBN block2;
};
TORCH_MODULE(StemWithReluSilent);

// A block whose widths come from its constructor's arguments: they are not
// known where the block is read, so a pair across two such blocks may be a
// factorisation. Silent by default (see the -options test).
struct Conv2dBNImpl : torch::nn::Module {
  Conv2dBNImpl(int64_t in, int64_t out)
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)))),
        bn(register_module("bn", torch::nn::BatchNorm2d(out))) {}
  torch::Tensor forward(torch::Tensor x) { return bn(conv(x)); }
  torch::nn::Conv2d conv;
  torch::nn::BatchNorm2d bn;
};
TORCH_MODULE(Conv2dBN);

struct ParamBlocksSilentImpl : torch::nn::Module {
  ParamBlocksSilentImpl()
      : a(register_module("a", Conv2dBN(3, 32))), b(register_module("b", Conv2dBN(32, 32))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(b(a(x))); }
  Conv2dBN a, b;
};
TORCH_MODULE(ParamBlocksSilent);

// A low-rank factorisation (inner width below both outer widths) is
// written this way on purpose: silent by default.
struct LowRankSilentImpl : torch::nn::Module {
  LowRankSilentImpl() {
    down = register_module("down", torch::nn::Linear(torch::nn::LinearOptions(512, 64).bias(false)));
    up = register_module("up", torch::nn::Linear(64, 512));
  }
  torch::Tensor forward(torch::Tensor x) { return torch::relu(up(down(x))); }
  torch::nn::Linear down{nullptr}, up{nullptr};
};
TORCH_MODULE(LowRankSilent);

// Depthwise-separable convolution: a grouped convolution then a pointwise
// one, on purpose. Silent by default.
torch::nn::Sequential SeparableConvSilent(int64_t channels) {
  return torch::nn::Sequential(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 32, 3).padding(1).groups(32)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 1)),
      torch::nn::ReLU());
}

// Widths known only at run time: we cannot tell a factorisation from a
// slip. Silent by default.
struct RuntimeWidthsSilentImpl : torch::nn::Module {
  RuntimeWidthsSilentImpl(int64_t in, int64_t hidden, int64_t out) {
    fc1 = register_module("fc1", torch::nn::Linear(in, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, out));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(fc1(x)); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(RuntimeWidthsSilent);

// Layer norm normalises each sample by its own statistics: not affine.
torch::nn::Sequential LayerNormBetweenSilent() {
  return torch::nn::Sequential(torch::nn::Linear(64, 64), torch::nn::LayerNorm(torch::nn::LayerNormOptions({64})),
                               torch::nn::Linear(64, 64));
}
