// RUN: %check_gradlint %s --checks='-*,gradlint-loss-mismatch' | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Probabilities computed in a helper (a free function or a member function)
// and fed to nll_loss or cross_entropy, directly or through a local
// variable: the helper's return is followed. A helper returning
// log-probabilities, or whose returns disagree, stays quiet. The finding is
// at the helper's activation (where the fix goes), once however many losses
// it feeds, with a note at the loss.
#include <torch/torch.h>

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() { fc = register_module("fc", torch::nn::Linear(10, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Classifier);

torch::Tensor predict(Classifier &net, const torch::Tensor &x) {
  return torch::softmax(net->forward(x), 1);
}

torch::Tensor log_predict(Classifier &net, const torch::Tensor &x) {
  return torch::log_softmax(net->forward(x), 1);
}

torch::Tensor maybe_probabilities(Classifier &net, const torch::Tensor &x, bool p) {
  if (p)
    return torch::softmax(net->forward(x), 1);
  return net->forward(x);
}

torch::Tensor predict_proba(Classifier &net, const torch::Tensor &x) {
  auto logits = net->forward(x);
  return logits.softmax(1);
}

struct Agent {
  Classifier net;
  torch::Tensor probabilities(const torch::Tensor &x) {
    auto p = torch::softmax(net->forward(x), /*dim=*/1);
    return p;
  }
};

void HelperIntoNllLossFlagged(Classifier &net, torch::optim::SGD &opt,
                              const torch::Tensor &x, const torch::Tensor &y) {
  for (int i = 0; i < 10; ++i) {
    opt.zero_grad();
    auto loss = torch::nll_loss(predict(net, x), y);
    loss.backward();
    opt.step();
  }
}

void HelperThroughLocalFlagged(Classifier &net, torch::optim::SGD &opt,
                               const torch::Tensor &x, const torch::Tensor &y) {
  auto probs = predict_proba(net, x);
  torch::nll_loss(probs, y).backward();
  opt.step();
}

void MemberHelperIntoCrossEntropyFlagged(Agent &agent, const torch::Tensor &x,
                                         const torch::Tensor &y) {
  auto loss = torch::nn::functional::cross_entropy(agent.probabilities(x), y);
  loss.backward();
}

void LogSoftmaxHelperSilent(Classifier &net, torch::optim::SGD &opt,
                            const torch::Tensor &x, const torch::Tensor &y) {
  torch::nll_loss(log_predict(net, x), y).backward();
  opt.step();
}

void DisagreeingReturnsSilent(Classifier &net, const torch::Tensor &x,
                              const torch::Tensor &y) {
  torch::nll_loss(maybe_probabilities(net, x, false), y).backward();
}

// In output order (by the helper's activation):
// CHECK: gradlint-loss-mismatch-helper.cpp:19:10: warning: softmax probabilities into nll_loss, which expects log-probabilities; the loss is just -p and its gradient vanishes as p saturates [gradlint-loss-mismatch]
// CHECK: gradlint-loss-mismatch-helper.cpp:49:17: note: nll_loss is computed here
// CHECK: gradlint-loss-mismatch-helper.cpp:34:10: warning: softmax probabilities into nll_loss, which expects log-probabilities{{.*}}[gradlint-loss-mismatch]
// CHECK: gradlint-loss-mismatch-helper.cpp:58:3: note: nll_loss is computed here
// CHECK: gradlint-loss-mismatch-helper.cpp:40:14: warning: softmax before cross_entropy, which applies log_softmax itself{{.*}}[gradlint-loss-mismatch]
// CHECK: gradlint-loss-mismatch-helper.cpp:64:15: note: cross_entropy is computed here
