// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A rate from the command line with a visible default: the default is what
// the program runs with unless told otherwise. Without a default: unknown.
#include <torch/torch.h>
#include <string>

int main(int argc, char **argv) {
  auto net = torch::nn::Sequential(torch::nn::Linear(4, 1));
  const double lr = argc > 1 ? std::stod(argv[1]) : 1e-10;
  torch::optim::Adam a(net->parameters(), torch::optim::AdamOptions(lr));
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "function": "main",
  // CHECK:       "lr": 1e-10,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 69,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-argv-default.cpp",
  // CHECK-NEXT:    "line": [[@LINE-8]],
  // CHECK:       "model_name": "main::net",
  double from_args = std::stod(argv[1]);
  torch::optim::Adam b(net->parameters(), torch::optim::AdamOptions(from_args));
  // CHECK:       "lr": null,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-LABEL: "trainings": [
  return 0;
}
