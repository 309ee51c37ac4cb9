// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A ResNet block builds its shortcut in a local that shadows the member,
// assigns it to the member and registers the local: the member is
// registered (both hold the same module), in either order. A local
// assigned to a member but never registered leaves the member unregistered.
#include <torch/torch.h>

struct BasicBlockImpl : torch::nn::Module {
  BasicBlockImpl(int64_t in, int64_t out, int64_t stride) {
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(out));
    torch::nn::Sequential shortcut;
    if (stride != 1 || in != out) {
      shortcut->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
      shortcut->push_back(torch::nn::BatchNorm2d(out));
    }
    this->shortcut = shortcut;
    register_module("shortcut", shortcut);
    torch::nn::Linear gate(out, out);
    register_module("gate", gate);
    this->gate = gate;
  }
  torch::Tensor forward(torch::Tensor x) {
    auto y = torch::relu(bn1(conv1(x)));
    return torch::relu(y + shortcut->forward(x)) * torch::sigmoid(gate(y.mean({2, 3}))).unsqueeze(2).unsqueeze(3);
  }
  torch::nn::Conv2d conv1{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr};
  torch::nn::Sequential shortcut;
  torch::nn::Linear gate{nullptr};
};
TORCH_MODULE(BasicBlock);

struct HeadImpl : torch::nn::Module {
  HeadImpl() {
    torch::nn::Linear fc(64, 10);
    this->fc = fc;
  }
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Head);

// CHECK:       "members": [
// CHECK:       "name": "conv1",
// CHECK-NEXT:  "registered": true,
// CHECK:       "name": "bn1",
// CHECK-NEXT:  "registered": true,
// CHECK:       "kind": "sequential",
// CHECK:       "name": "shortcut",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "kind": "linear",
// CHECK:       "name": "gate",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "BasicBlock"
// CHECK:       "members": [
// CHECK:       "kind": "linear",
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "Head"
