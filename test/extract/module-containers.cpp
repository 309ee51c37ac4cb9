// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// ModuleList and ModuleDict members: what is pushed into a registered
// container is registered with it; a container filled with layers that have
// parameters is a submodule with parameters (reported when never
// registered); iterating it in forward() is an unknown step, never a guess.
#include <torch/torch.h>

// An MLP whose hidden layers live in a registered ModuleList.
struct MLPImpl : torch::nn::Module {
  MLPImpl(const std::vector<int64_t> &sizes) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (size_t i = 0; i + 1 < sizes.size(); ++i)
      layers->push_back(torch::nn::Linear(sizes[i], sizes[i + 1]));
    head = torch::nn::Linear(sizes.back(), 1);
    layers->push_back(head);
  }
  torch::Tensor forward(torch::Tensor x) {
    for (const auto &layer : *layers)
      x = torch::relu(layer->as<torch::nn::Linear>()->forward(x));
    return head(x);
  }
  torch::nn::ModuleList layers{nullptr};
  torch::nn::Linear head{nullptr};
};
TORCH_MODULE(MLP);

// Actor-critic heads in a ModuleList (ModuleDict::insert is private in LibTorch 1.13) that nobody registered.
struct HeadsImpl : torch::nn::Module {
  HeadsImpl() {
    trunk = register_module("trunk", torch::nn::Linear(8, 64));
    heads->push_back(torch::nn::Linear(64, 4));
    heads->push_back(torch::nn::Linear(64, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = torch::relu(trunk(x));
    return heads[0]->as<torch::nn::Linear>()->forward(h);
  }
  torch::nn::Linear trunk{nullptr};
  torch::nn::ModuleList heads;
};
TORCH_MODULE(Heads);

// An empty ModuleList (filled elsewhere, or never): nothing known to have
// parameters, so its kind stays unknown.
struct EmptyListImpl : torch::nn::Module {
  EmptyListImpl() {}
  torch::Tensor forward(torch::Tensor x) {
    for (const auto &m : *blocks)
      x = m->as<torch::nn::Linear>()->forward(x);
    return x;
  }
  torch::nn::ModuleList blocks;
};
TORCH_MODULE(EmptyList);

// CHECK:       "chain": [
// CHECK:       "kind": "unknown",
// CHECK:       "kind": "linear",
// CHECK:       "name": "head",
// CHECK:       "chain_known": true,
// CHECK:       "members": [
// CHECK:       "kind": "sequential",
// CHECK:       "name": "layers",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "kind": "linear",
// CHECK:       "name": "head",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "MLP"
// CHECK:       "members": [
// CHECK:       "name": "trunk",
// CHECK-NEXT:  "registered": true,
// CHECK:       "kind": "sequential",
// CHECK:       "name": "heads",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "Heads"
// CHECK:       "members": [
// CHECK:       "kind": "unknown",
// CHECK:       "name": "blocks",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "EmptyList"
