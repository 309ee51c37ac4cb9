// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Activations applied between the model output and the loss, as free
// functions or tensor methods, through local variables; detach() on the way.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(4, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

void train(std::shared_ptr<Net> model, torch::optim::Adam &opt, torch::Tensor x,
           torch::Tensor y) {
  auto a = torch::nn::functional::cross_entropy(torch::softmax(model->forward(x), 1), y);
  auto b = torch::nll_loss(model->forward(x).log_softmax(1), y);
  auto out = model->forward(x);
  auto probs = torch::sigmoid(out);
  torch::nn::BCELoss bce;
  auto c = bce(probs, y);
  auto d = torch::mse_loss(model->forward(x).detach(), y);
  (a + b + c + d).backward();
  opt.step();
}
// CHECK-LABEL: "trainings": [
// The activation's location: torch::softmax.
// CHECK:         "column": 49,
// CHECK-NEXT:    "file": "{{.*}}loss-callsite-activation.cpp",
// CHECK-NEXT:    "line": 14,
// CHECK:       "call_site_acts": [{{$}}
// CHECK-NEXT:    "softmax"
// CHECK-NEXT:  ],
// CHECK:       "loss": "cross_entropy",
// CHECK:       "call_site_acts": [{{$}}
// CHECK-NEXT:    "log_softmax"
// CHECK-NEXT:  ],
// CHECK:       "loss": "nll",
// CHECK:       "call_site_acts": [{{$}}
// CHECK-NEXT:    "sigmoid"
// CHECK-NEXT:  ],
// CHECK:       "loss": "bce",
// CHECK-NEXT:  "model_name": "Net",
// CHECK:       "var": "model"
// The location of the detach() call (its name).
// CHECK:         "column": 46,
// CHECK-NEXT:    "file": "{{.*}}loss-callsite-activation.cpp",
// CHECK-NEXT:    "line": 20,
// CHECK:       "detached": true,
// CHECK:       "loss": "mse",
