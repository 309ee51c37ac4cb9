// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s --check-prefix=MODEL
// RUN: not %gradlint --no-probe --checks='-*,gradlint-missing-nonlinearity' %s -- -std=c++17 -I%api 2>&1 | FileCheck %s --check-prefix=FIND --implicit-check-not='{{warning|error}}:'
// A member Sequential with a brace initialiser whose element is declared in
// a header that is not there (a project's Mish): the known layers keep their
// places and the element is one unknown step, never guessed to be or not to
// be a non-linearity. A defect elsewhere in the same Sequential is still
// found; two linear layers around the unknown element are not reported.
#include "blocks/mish.h"
#include <torch/torch.h>

struct AcrossUnknownSilentImpl : torch::nn::Module {
  AcrossUnknownSilentImpl() { register_module("body", body); }
  torch::Tensor forward(torch::Tensor x) { return body->forward(x); }
  torch::nn::Sequential body{torch::nn::Linear(4, 8), Mish(), torch::nn::Linear(8, 8)};
};
TORCH_MODULE(AcrossUnknownSilent);

struct DefectAfterUnknownFlaggedImpl : torch::nn::Module {
  DefectAfterUnknownFlaggedImpl() { register_module("body", body); }
  torch::Tensor forward(torch::Tensor x) { return body->forward(x); }
  // FIND: partial analysis: 'blocks/mish.h' not found
  // FIND: :[[@LINE+2]]:64: warning: Linear(16, 16) is applied right after Linear(8, 16) with nothing non-linear between{{.*}}[gradlint-missing-nonlinearity]
  // FIND: :[[@LINE+1]]:38: note: Linear(8, 16) is here
  torch::nn::Sequential body{Mish(), torch::nn::Linear(8, 16), torch::nn::Linear(16, 16), torch::nn::ReLU()};
};
TORCH_MODULE(DefectAfterUnknownFlagged);

// MODEL-LABEL: "models": [
// MODEL:       "in": 4,
// MODEL:       "kind": "linear",
// MODEL:       "kind": "unknown",
// MODEL-NEXT:  "loc": {
// MODEL-NEXT:    "column": 55,
// MODEL:       "in": 8,
// MODEL:       "kind": "linear",
// MODEL:       "out": 8,
// MODEL:       "chain_known": true,
// MODEL:       "name": "AcrossUnknownSilent"
// MODEL:       "kind": "unknown",
// MODEL:       "in": 8,
// MODEL:       "kind": "linear",
// MODEL:       "in": 16,
// MODEL:       "kind": "linear",
// MODEL:       "act": "relu",
// MODEL:       "chain_known": true,
// MODEL:       "name": "DefectAfterUnknownFlagged"
