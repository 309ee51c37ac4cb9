// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// The rate from a #define: located at the macro's use.
#include <torch/torch.h>

#define LR 1e-10
#define SCALE(x) ((x) * 10)

void build(torch::nn::Sequential &net) {
  torch::optim::Adam a(net->parameters(), torch::optim::AdamOptions(LR));
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "lr": 1e-10,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 69,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-define.cpp",
  // CHECK-NEXT:    "line": [[@LINE-7]],
  torch::optim::Adam b(net->parameters(), torch::optim::AdamOptions(SCALE(LR)));
  // CHECK:       "lr": 1.0000{{[0-9]*}}e-09,
  // CHECK-LABEL: "trainings": [
}
