// RUN: %check_gradlint %s --checks='-*,gradlint-loss-mismatch' | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Loss modules called as objects, the way tutorial code and Trainer classes
// hold them: `criterion(out, y)`, `criterion->forward(out, y)`, as a local
// or as a member. The pairing of the model's output with the loss decides;
// sound pairings stay quiet.
#include <torch/torch.h>

struct SoftmaxNetImpl : torch::nn::Module {
  SoftmaxNetImpl() { fc = register_module("fc", torch::nn::Linear(20, 4)); }
  torch::Tensor forward(torch::Tensor x) {
    // CHECK: :[[@LINE+1]]:12: warning: softmax before cross_entropy{{.*}}[gradlint-loss-mismatch]
    return torch::softmax(fc->forward(x), /*dim=*/1);
  }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(SoftmaxNet);

struct LogitNetImpl : torch::nn::Module {
  LogitNetImpl() { fc = register_module("fc", torch::nn::Linear(20, 4)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(LogitNet);

struct LogProbNetImpl : torch::nn::Module {
  LogProbNetImpl() { fc = register_module("fc", torch::nn::Linear(20, 4)); }
  torch::Tensor forward(torch::Tensor x) {
    return torch::log_softmax(fc->forward(x), /*dim=*/1);
  }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(LogProbNet);

// A local criterion called as an object: probabilities into cross_entropy.
void trainSoftmax() {
  SoftmaxNet net;
  torch::optim::SGD opt(net->parameters(), 0.1);
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 10; ++epoch) {
    torch::Tensor x = torch::randn({32, 20});
    torch::Tensor y = torch::randint(0, 4, {32});
    opt.zero_grad();
    torch::Tensor out = net->forward(x);
    // CHECK: :[[@LINE+1]]:26: note: cross_entropy is computed here
    torch::Tensor loss = criterion(out, y);
    loss.backward();
    opt.step();
  }
}

// SILENT: logits into CrossEntropyLoss, called through ->forward.
void trainLogits() {
  LogitNet net;
  torch::optim::SGD opt(net->parameters(), 0.1);
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 10; ++epoch) {
    torch::Tensor x = torch::randn({32, 20});
    torch::Tensor y = torch::randint(0, 4, {32});
    opt.zero_grad();
    torch::Tensor loss = criterion->forward(net->forward(x), y);
    loss.backward();
    opt.step();
  }
}

// SILENT: log-probabilities into an NLLLoss member of a Trainer.
class Trainer {
public:
  Trainer() : opt_(net_->parameters(), 0.1) {}
  void step(torch::Tensor x, torch::Tensor y) {
    opt_.zero_grad();
    torch::Tensor loss = criterion_(net_->forward(x), y);
    loss.backward();
    opt_.step();
  }

private:
  LogProbNet net_;
  torch::optim::SGD opt_;
  torch::nn::NLLLoss criterion_;
};
