// RUN: %check_gradlint %s --checks='-*,gradlint-small-init' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// Seed example 1: weights from U(0, 0.01) (np.random.rand * 0.01) feeding
// sigmoids. The output layer is not reported; the two hidden layers are.
struct SeedTinyUniformFlaggedImpl : torch::nn::Module {
  SeedTinyUniformFlaggedImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, 10))),
        fc2(register_module("fc2", torch::nn::Linear(10, 10))),
        fc3(register_module("fc3", torch::nn::Linear(10, 1))) {
    torch::NoGradGuard no_grad;
    for (auto &p : named_parameters()) {
      if (p.key().find("weight") != std::string::npos)
        // CHECK: :[[@LINE+3]]:9: warning: uniform(0, 0.01) gives 'fc1' a weight scale of 0.0058, 55x below the 0.32 that 10 inputs into a sigmoid need; the signal shrinks at every layer and the output barely varies [gradlint-small-init]
        // CHECK: :[[@LINE-7]]:36: note: 'fc1' has 10 inputs into a sigmoid; it needs a weight scale near 0.32
        // CHECK: :[[@LINE-7]]:36: note: 'fc2' has 10 inputs into a sigmoid; it needs a weight scale near 0.32
        torch::nn::init::uniform_(p.value(), 0.0, 0.01);
      else
        torch::nn::init::zeros_(p.value());
    }
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1(x));
    x = torch::sigmoid(fc2(x));
    return torch::sigmoid(fc3(x));
  }
  torch::nn::Linear fc1, fc2, fc3;
};
TORCH_MODULE(SeedTinyUniformFlagged);

// N(0, 0.001) before ReLU with 784 inputs: He asks for 0.051.
struct TinyNormalReluFlaggedImpl : torch::nn::Module {
  TinyNormalReluFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    // CHECK: :[[@LINE+2]]:5: warning: normal(0, 0.001) gives 'fc1' a weight scale of 0.001, 51x below the 0.051 that 784 inputs into a relu need; the signal shrinks at every layer and the output barely varies [gradlint-small-init]
    // CHECK: :[[@LINE-3]]:34: note: 'fc1' has 784 inputs into a relu; it needs a weight scale near 0.051
    torch::nn::init::normal_(fc1->weight, 0.0, 0.001);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(TinyNormalReluFlagged);

// ReLU MLP with the default initialisation.
torch::nn::Sequential ReluMlpDefaultInitSilent() {
  return torch::nn::Sequential(torch::nn::Linear(784, 128), torch::nn::ReLU(),
                               torch::nn::Linear(128, 10));
}

// Glorot for sigmoids and He for ReLU are what the activations need.
struct XavierAndKaimingSilentImpl : torch::nn::Module {
  XavierAndKaimingSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 10));
    fc2 = register_module("fc2", torch::nn::Linear(10, 10));
    fc3 = register_module("fc3", torch::nn::Linear(10, 1));
    torch::nn::init::xavier_uniform_(fc1->weight);
    torch::nn::init::kaiming_normal_(fc2->weight);
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1(x));
    x = torch::relu(fc2(x));
    return fc3(x);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(XavierAndKaimingSilent);

// A small output layer is a sound recipe (policy heads, DCGAN-style heads).
struct SmallOutputLayerSilentImpl : torch::nn::Module {
  SmallOutputLayerSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(64, 64));
    head = register_module("head", torch::nn::Linear(64, 4));
    torch::nn::init::normal_(head->weight, 0.0, 0.001);
  }
  torch::Tensor forward(torch::Tensor x) { return head(torch::tanh(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, head{nullptr};
};
TORCH_MODULE(SmallOutputLayerSilent);

// 0.01 * randn with 784 inputs is 5x below He: under the factor of 10.
struct ModestlySmallSilentImpl : torch::nn::Module {
  ModestlySmallSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    torch::nn::init::normal_(fc1->weight, 0.0, 0.01);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ModestlySmallSilent);

// The fan-in comes from a run-time value: unknown, so quiet.
struct RuntimeWidthSilentImpl : torch::nn::Module {
  explicit RuntimeWidthSilentImpl(int64_t in) {
    fc1 = register_module("fc1", torch::nn::Linear(in, 16));
    fc2 = register_module("fc2", torch::nn::Linear(16, 1));
    torch::nn::init::uniform_(fc1->weight, 0.0, 0.01);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::sigmoid(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(RuntimeWidthSilent);

// The DCGAN discriminator: N(0, 0.02) on Conv2d(3, 64, 4) (48 inputs into a
// leaky_relu, 10x below He) whose output reaches a BatchNorm through only a
// leaky_relu and a convolution, which rescale it and nothing else. The
// BatchNorm undoes any scale: the signal does not shrink.
struct ReachesBatchNormSilentImpl : torch::nn::Module {
  ReachesBatchNormSilentImpl() {
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 64, 4).stride(2).bias(false)));
    conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 128, 4).stride(2).bias(false)));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(128));
    conv3 = register_module("conv3", torch::nn::Conv2d(torch::nn::Conv2dOptions(128, 1, 4)));
    torch::nn::init::normal_(conv1->weight, 0.0, 0.02);
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::leaky_relu(conv1(x), 0.2);
    x = torch::leaky_relu(bn2(conv2(x)), 0.2);
    return conv3(x);
  }
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
  torch::nn::BatchNorm2d bn2{nullptr};
};
TORCH_MODULE(ReachesBatchNormSilent);

// The same small init where a sigmoid stands between the layer and the
// BatchNorm: a sigmoid does not only rescale, the signal is lost before it.
struct SigmoidBeforeBatchNormFlaggedImpl : torch::nn::Module {
  SigmoidBeforeBatchNormFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(100, 64));
    fc2 = register_module("fc2", torch::nn::Linear(64, 64));
    bn2 = register_module("bn2", torch::nn::BatchNorm1d(64));
    fc3 = register_module("fc3", torch::nn::Linear(64, 1));
    // CHECK: :[[@LINE+2]]:5: warning: normal(0, 0.001) gives 'fc1' a weight scale of 0.001, 100x below the 0.1 that 100 inputs into a sigmoid need{{.*}}[gradlint-small-init]
    // CHECK: :[[@LINE-5]]:34: note: 'fc1' has 100 inputs into a sigmoid; it needs a weight scale near 0.1
    torch::nn::init::normal_(fc1->weight, 0.0, 0.001);
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1(x));
    x = torch::relu(bn2(fc2(x)));
    return fc3(x);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
  torch::nn::BatchNorm1d bn2{nullptr};
};
TORCH_MODULE(SigmoidBeforeBatchNormFlagged);
