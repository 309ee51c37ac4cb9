// RUN: %check_gradlint %s --checks='-*,gradlint-loss-mismatch' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

namespace F = torch::nn::functional;

void SoftmaxIntoCrossEntropyFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = torch::nn::Sequential(torch::nn::Linear(8, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, 3));
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  optimizer.zero_grad();
  // CHECK: :[[@LINE+2]]:32: warning: softmax before cross_entropy, which applies log_softmax itself; probabilities are squashed twice and the gradient fades as they saturate [gradlint-loss-mismatch]
  // CHECK: :[[@LINE+1]]:15: note: cross_entropy is computed here
  auto loss = F::cross_entropy(torch::softmax(model->forward(x), 1), y);
  loss.backward();
  optimizer.step();
}

void SigmoidIntoBceWithLogitsFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = torch::nn::Sequential(torch::nn::Linear(8, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, 1),
                                     // CHECK: :[[@LINE+1]]:38: warning: sigmoid before binary_cross_entropy_with_logits, which applies sigmoid itself; predictions are squeezed into (0.5, 0.73) and the loss cannot fall far [gradlint-loss-mismatch]
                                     torch::nn::Sigmoid());
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  optimizer.zero_grad();
  // CHECK: :[[@LINE+1]]:15: note: binary_cross_entropy_with_logits is computed here
  auto loss = F::binary_cross_entropy_with_logits(model->forward(x), y);
  loss.backward();
  optimizer.step();
}

// log_softmax into nll_loss and logits into cross_entropy are sound.
void LogSoftmaxNllSilent(torch::Tensor x, torch::Tensor y) {
  auto model = torch::nn::Sequential(torch::nn::Linear(8, 3));
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  optimizer.zero_grad();
  torch::nll_loss(torch::log_softmax(model->forward(x), 1), y).backward();
  optimizer.step();
  optimizer.zero_grad();
  torch::nn::CrossEntropyLoss criterion;
  criterion(model->forward(x), y).backward();
  optimizer.step();
}
