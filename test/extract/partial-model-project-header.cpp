// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s
// RUN: %gradlint --no-probe --checks='-*,gradlint-*' %s -- -std=c++17 -I%api 2>&1 | FileCheck %s --check-prefix=DIAG --implicit-check-not='warning:'
// A model from a project whose headers are not on the include path: the
// names they declare do not resolve. What an error touches is unknown,
// never a guess:
//  - a member of an unresolved type is not a module (nor an unregistered
//    one);
//  - a layer built from an unresolved width keeps its kind, its width
//    unknown;
//  - a call that did not resolve in forward() is an unknown step, so the
//    sigmoids on either side of it are not one saturating run.
#include <torch/torch.h>

#include "project/config.h"
#include "project/activations.h"

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 256));
    fc2 = register_module("fc2", torch::nn::Linear(256, cfg::kHidden));
    fc3 = register_module("fc3", torch::nn::Linear(cfg::kHidden, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1(x));
    x = torch::sigmoid(fc2(x));
    x = project::mish(x);
    x = torch::sigmoid(fc3(x));
    return torch::log_softmax(x, 1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
  project::Logger logger;
};
TORCH_MODULE(Classifier);

// CHECK:       "chain": [
// CHECK:       "name": "fc1",
// CHECK:       "act": "sigmoid",
// CHECK:       "name": "fc2",
// CHECK:       "act": "sigmoid",
// CHECK:       "kind": "unknown",
// CHECK:       "name": "fc3",
// CHECK:       "act": "sigmoid",
// CHECK:       "members": [
// CHECK-NOT:   "logger"
// CHECK:       "name": "Classifier"

// Partial analysis, and no finding from recovery.
// DIAG: note: partial analysis: 'project/config.h' not found
