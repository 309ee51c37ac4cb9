// RUN: %check_gradlint %s --checks='-*,gradlint-incomplete-step' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void BackwardWithoutStepFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    // CHECK: :[[@LINE+2]]:5: warning: backward() in a training loop but no step() anywhere in 'BackwardWithoutStepFlagged'; gradients are computed and the weights never change [gradlint-incomplete-step]
    // CHECK: :[[@LINE+1]]:5: note: proof: only an optimizer's step() writes the weights, and 'BackwardWithoutStepFlagged' calls none
    torch::mse_loss(model->forward(x), y).backward();
  }
}

void ZeroGradBetweenFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    torch::mse_loss(model->forward(x), y).backward();
    // CHECK: :[[@LINE+3]]:5: warning: zero_grad() between backward() and step() clears the gradients before step() uses them; the weights never change [gradlint-incomplete-step]
    // CHECK: :[[@LINE+3]]:5: note: step() is here
    // CHECK: :[[@LINE+1]]:5: note: proof: every step() runs on gradients zero_grad() has just cleared, and a step on zero gradients moves no weight (without weight decay)
    optimizer.zero_grad();
    optimizer.step();
  }
}

void StepBeforeBackwardFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+4]]:5: warning: step() comes before backward() in the loop, with zero_grad() between them; every step sees cleared gradients and the weights never change [gradlint-incomplete-step]
    // CHECK: :[[@LINE+2]]:5: note: zero_grad() clears the gradients here
    // CHECK: :[[@LINE+2]]:5: note: proof: every step() runs on gradients zero_grad() has just cleared, and a step on zero gradients moves no weight (without weight decay)
    optimizer.zero_grad();
    optimizer.step();
    torch::mse_loss(model->forward(x), y).backward();
  }
}

void UsualOrderSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// A templated training loop: `loss.backward()` on a dependent type does not
// resolve in the template, but it is a backward all the same. Silent.
template <typename Loader>
void TemplatedLoopSilent(torch::nn::Sequential model, Loader &loader,
                         torch::optim::SGD &optimizer) {
  for (auto &batch : loader) {
    optimizer.zero_grad();
    auto loss = torch::mse_loss(model->forward(batch.data), batch.target);
    loss.backward();
    optimizer.step();
  }
}

// The optimizer is a template parameter too (upstream PyTorch's C++ API
// tests train this way): `optimizer.step()` is a dependent call that does
// not resolve in the template, and is a step all the same. Silent.
template <typename Model, typename Optimizer>
void TemplatedOptimizerSilent(Model &model, Optimizer &optimizer,
                              torch::Tensor x, torch::Tensor y) {
  for (int epoch = 0; epoch < 100; ++epoch) {
    optimizer.zero_grad();
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}

// A generic lambda taking the optimizer as `auto &`. Silent.
void GenericLambdaSilent(torch::nn::Sequential model, torch::Tensor x,
                         torch::Tensor y) {
  auto train = [&](auto &optimizer) {
    for (int epoch = 0; epoch < 100; ++epoch) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
  };
  torch::optim::SGD sgd(model->parameters(), 0.01);
  train(sgd);
}

// A template whose loop never steps anything is still reported.
template <typename Model>
void TemplatedNoStepFlagged(Model &model, torch::Tensor x, torch::Tensor y) {
  for (int epoch = 0; epoch < 100; ++epoch) {
    auto loss = torch::mse_loss(model->forward(x), y);
    // CHECK: :[[@LINE+2]]:5: warning: backward() in a training loop but no step() anywhere in 'TemplatedNoStepFlagged'; gradients are computed and the weights never change [gradlint-incomplete-step]
    // CHECK: :[[@LINE+1]]:5: note: proof: only an optimizer's step() writes the weights, and 'TemplatedNoStepFlagged' calls none
    loss.backward();
  }
}

// Hand-written gradient descent under a NoGradGuard: the update is the
// step. Silent.
void HandWrittenDescentSilent(torch::Tensor x, torch::Tensor y) {
  auto w = torch::randn({3, 1}, torch::requires_grad());
  for (int epoch = 0; epoch < 100; ++epoch) {
    auto loss = torch::mse_loss(torch::matmul(x, w), y);
    loss.backward();
    torch::NoGradGuard no_grad;
    w -= 0.01 * w.grad();
    w.grad().zero_();
  }
}

// The same through `.data()`, over a parameter list. Silent.
void DataAssignmentSilent(std::vector<torch::Tensor> params, torch::Tensor x,
                          torch::Tensor y) {
  for (int epoch = 0; epoch < 100; ++epoch) {
    torch::mse_loss(torch::matmul(x, params[0]), y).backward();
    for (auto &p : params) {
      p.data() = p.data() - 0.01 * p.grad();
      p.grad().zero_();
    }
  }
}
