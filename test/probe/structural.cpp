// RUN: not %gradlint --checks='-*,gradlint-orphan-optimizer,gradlint-unregistered-module,gradlint-gradient-disabled,gradlint-optimizer-in-loop,gradlint-incomplete-step,gradlint-shape-mismatch,gradlint-eval-mode-training' %s -- -std=c++17 -I%api > %t.txt
// RUN: FileCheck %s --input-file=%t.txt --implicit-check-not='{{warning|error}}:' --implicit-check-not='{{probe|proof}}:'
// RUN: not %gradlint --format=json --checks='-*,gradlint-orphan-optimizer,gradlint-shape-mismatch,gradlint-optimizer-in-loop' %s -- -std=c++17 -I%api > %t.json
// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.json
// RUN: %gradlint --no-probe --fail-on=never --checks='-*,gradlint-shape-mismatch' %s -- -std=c++17 -I%api | FileCheck %s --check-prefix=NOPROBE
// RUN: rm -rf %t.html && %gradlint --quiet --fail-on=never --html=%t.html --checks='-*,gradlint-shape-mismatch,gradlint-orphan-optimizer' %s -- -std=c++17 -I%api > /dev/null
// RUN: FileCheck %s --check-prefix=HTML --input-file=%t.html/index.html
// RUN: %gradlint --format=sarif --fail-on=never --checks='-*,gradlint-shape-mismatch' %s -- -std=c++17 -I%api | FileCheck %s --check-prefix=SARIF
//
// The structural checks get evidence: a finding the code proves by itself
// says so ("proof: ...", verdict "proven"), with the probe's measurement of
// the program as written where it can train it; optimizer-in-loop and
// eval-mode training with batch norm compare the loss as written with the
// loss fixed, over 10 seeds, and may be not confirmed.
#include <torch/torch.h>

struct EncoderImpl : torch::nn::Module {
  EncoderImpl() : fc(register_module("fc", torch::nn::Linear(8, 4))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(fc(x)); }
  torch::nn::Linear fc;
};
TORCH_MODULE(Encoder);

struct DecoderImpl : torch::nn::Module {
  DecoderImpl() : fc(register_module("fc", torch::nn::Linear(8, 1))) {}
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc;
};
TORCH_MODULE(Decoder);

void OrphanOptimizer() {
  Encoder encoder;
  Decoder decoder;
  torch::optim::Adam optimizer(encoder->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(decoder->forward(x), y).backward();
    optimizer.step();
  }
}

struct HalfImpl : torch::nn::Module {
  HalfImpl() { fc1 = register_module("fc1", torch::nn::Linear(8, 16)); fc2 = torch::nn::Linear(16, 1); }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Half);

void Unregistered() {
  Half model;
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

void NoGrad() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::NoGradGuard no_grad;
    auto loss = torch::mse_loss(net->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}

void AdamInLoop() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 100; ++i) {
    torch::optim::Adam optimizer(net->parameters(), 1e-2);
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

void NoStep() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
  }
}

void Mismatch() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(32, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

void EvalBatchNorm() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::BatchNorm1d(16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-2);
  auto x = torch::randn({64, 8}) * 5 + 3;
  auto y = x.sum(1, true);
  net->eval();
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

void SgdMomentumInLoop() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 100; ++i) {
    torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(1e-2).momentum(0.9));
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

void EvalDropout() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Dropout(0.5), torch::nn::Linear(16, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-2);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  net->eval();
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

void RegisteredSilent() {
  auto net = torch::nn::Sequential(torch::nn::Linear(8, 16), torch::nn::ReLU(), torch::nn::Linear(16, 1));
  torch::optim::Adam optimizer(net->parameters(), 1e-3);
  auto x = torch::randn({64, 8});
  auto y = x.sum(1, true);
  for (int i = 0; i < 50; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    optimizer.step();
  }
}

// The optimizer holds the encoder: the decoder's tensors never move.
// CHECK: structural.cpp:{{[0-9]+}}:3: warning: optimizer 'optimizer' holds the parameters of 'Encoder'
// CHECK: note: proof: 'optimizer' was built over the parameters of 'Encoder' only, so its step() never writes a parameter of 'Decoder'; the probe measures it in 10 of 10 seeds: over 50 Adam steps, 100% of the model's parameter tensors are exactly where they started after training, in every one of 10 seeds
// fc2 is not registered: its weight and bias (2 of 4 tensors) stay put.
// CHECK: warning: submodule 'fc2' is used in forward() but never registered
// CHECK: note: proof: 'fc2' is not registered, so parameters() of 'Half' does not return its weights and no optimizer built from parameters() can update them; the probe measures it in 10 of 10 seeds: over 50 Adam steps, 50% of the model's parameter tensors are exactly where they started after training, in every one of 10 seeds
// CHECK: warning: NoGradGuard turns gradients off for a training step
// CHECK: note: proof: under NoGradGuard no autograd graph is recorded, so backward() has no path to a parameter and no gradient reaches the weights (LibTorch throws at backward()); the probe measures it in 10 of 10 seeds: over 50 Adam steps, the gradient reaching the parameters has norm 0 (mean over the steps), in every one of 10 seeds
// Adam rebuilt every step: each update is Adam's first, +-lr per weight.
// CHECK: warning: optimizer 'optimizer' is constructed inside the loop that steps it; its moment estimates are reset on every iteration
// CHECK: note: probe: confirmed in 10 of 10 seeds: over 100 Adam steps, the loss after training is {{[0-9.]+}}x that with the fix, median of 10 seeds ({{.*}}); with the optimizer built once before the loop it is 1; the loss after training is {{.*}} as written and {{.*}} with the fix{{$}}
// CHECK: warning: backward() in a training loop but no step() anywhere in 'NoStep'
// CHECK: note: proof: only an optimizer's step() writes the weights, and 'NoStep' calls none; the probe measures it in 10 of 10 seeds: over 50 Adam steps, the median relative weight update per step is 0, in every one of 10 seeds; with backward() then step() in each iteration it is {{.*}}; the loss after training is {{.*}} as written and {{.*}} with the fix
// The forward pass cannot run: the proof stands alone.
// CHECK: warning: Linear(32, 1) expects 32 input features but Linear(8, 16) produces 16
// CHECK: note: proof: Linear(32, 1) receives 16 features where it needs 32, so the forward pass stops there with a shape error before any step{{$}}
// Batch norm in eval mode is a fixed affine map here; on these large
// targets the net without normalisation fits faster, so train() does not
// lower the loss: not confirmed, and the finding becomes a note.
// CHECK: note: 'net' is switched to eval mode here and is still in it when the optimizer steps; batch norm uses its frozen running statistics while it trains
// CHECK: note: probe: not confirmed (confirmed in 0 of 10 seeds): over 100 Adam steps, the loss after training is {{.*}}x that with the fix{{.*}}; with train() in place of eval() it is 1;
// SGD with momentum rebuilt every step loses its momentum.
// CHECK: warning: optimizer 'optimizer' is constructed inside the loop that steps it; its momentum buffer is reset on every iteration
// CHECK: note: probe: confirmed in 10 of 10 seeds: over 100 SGD steps,
// Dropout off: the mode is the proof (one batch trained to fit cannot
// measure what dropout is for).
// CHECK: warning: 'net' is switched to eval mode here and is still in it when the optimizer steps; dropout is off while it trains
// CHECK: note: proof: eval() sets every dropout layer of 'EvalDropout::net' to pass its input through unchanged, and no train() runs before the step{{$}}

// JSON:      "check": "gradlint-orphan-optimizer",
// JSON:      "probe": {
// JSON:        "summary": "'optimizer' was built over the parameters of 'Encoder' only,
// JSON:        "verdict": "proven"
// JSON:      "check": "gradlint-optimizer-in-loop",
// JSON:        "measurements": {
// JSON-NEXT:     "as_written": {
// JSON:            "loss_ratio":
// JSON:          "fixed": {
// JSON:            "loss_ratio": 1,
// JSON:        "verdict": "confirmed"
// JSON:      "check": "gradlint-shape-mismatch",
// JSON:      "probe": {
// JSON-NEXT:   "assumptions": [],
// JSON:        "seeds": 0,
// JSON:        "summary": "Linear(32, 1) receives 16 features where it needs 32, so the forward pass stops there with a shape error before any step",
// JSON-NEXT:   "verdict": "proven"

// Without the probe the proof is still shown.
// NOPROBE: warning: Linear(32, 1) expects 32 input features
// NOPROBE: note: proof: Linear(32, 1) receives 16 features where it needs 32, so the forward pass stops there with a shape error before any step

// HTML: 2 findings in 2 models; 0 confirmed by the probe, 2 proven by the code.
// HTML: <p class="verdict verdict-proven">proof: &#39;optimizer&#39; was built over the parameters of &#39;Encoder&#39; only,
// HTML: <p class="verdict verdict-proven">proof: Linear(32, 1) receives 16 features where it needs 32,

// SARIF:      "properties": {
// SARIF-NEXT:   "probe": {
// SARIF:          "summary": "Linear(32, 1) receives 16 features where it needs 32, so the forward pass stops there with a shape error before any step",
// SARIF-NEXT:     "verdict": "proven"
