// RUN: %check_gradlint %s --checks='-*,gradlint-loss-mismatch' | FileCheck %s --implicit-check-not='{{warning|error}}:'

// nll_loss fed probabilities wherever it is: in a loss helper the training
// loop calls, in a single full-batch step with no loop, in an evaluation
// after training. The pairing is wrong in itself; no loop is needed to see
// it.
#include <torch/torch.h>
#include <iostream>

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() { fc = register_module("fc", torch::nn::Linear(10, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Classifier);

// A loss helper: it never trains, but its caller does.
torch::Tensor LossHelperFlagged(const torch::Tensor &logits, const torch::Tensor &y) {
  // CHECK: :[[@LINE+1]]:26: warning: softmax probabilities into nll_loss, which expects log-probabilities{{.*}}[gradlint-loss-mismatch]
  return torch::nll_loss(torch::softmax(logits, 1), y);
}

// The same helper done right.
torch::Tensor LossHelperSilent(const torch::Tensor &logits, const torch::Tensor &y) {
  return torch::nll_loss(torch::log_softmax(logits, 1), y);
}

// A helper whose input's activation is not known here: quiet.
torch::Tensor UnknownInputSilent(const torch::Tensor &scores, const torch::Tensor &y) {
  return torch::nll_loss(scores, y);
}

void train_with_helpers(Classifier &model, torch::optim::SGD &opt,
                        const torch::Tensor &x, const torch::Tensor &y) {
  for (int i = 0; i < 100; ++i) {
    opt.zero_grad();
    auto out = model->forward(x);
    auto loss = LossHelperFlagged(out, y) + LossHelperSilent(out, y) +
                UnknownInputSilent(out, y);
    loss.backward();
    opt.step();
  }
}

void OneFullBatchStepFlagged(Classifier &model, torch::optim::SGD &opt,
                             const torch::Tensor &x, const torch::Tensor &y) {
  opt.zero_grad();
  // CHECK: :[[@LINE+1]]:16: warning: softmax probabilities into nll_loss{{.*}}[gradlint-loss-mismatch]
  auto probs = torch::softmax(model->forward(x), 1);
  auto loss = torch::nll_loss(probs, y);
  loss.backward();
  opt.step();
}

void EvaluationFlagged(Classifier &model, const torch::Tensor &x, const torch::Tensor &y) {
  torch::NoGradGuard no_grad;
  // CHECK: :[[@LINE+1]]:12: warning: softmax probabilities into nll_loss{{.*}}[gradlint-loss-mismatch]
  auto p = model->forward(x).softmax(1);
  std::cout << torch::nll_loss(p, y).item<double>() << '\n';
}
