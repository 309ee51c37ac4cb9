// RUN: %check_gradlint %s --checks='-*,gradlint-optimizer-in-loop' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void AdamPerBatchFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+2]]:5: warning: optimizer 'optimizer' is constructed inside the loop that steps it; its moment estimates are reset on every iteration [gradlint-optimizer-in-loop]
    // CHECK: :[[@LINE-2]]:3: note: the loop starts here
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// One optimizer per fold, around the training loop: not reported by default.
void OptimizerPerFoldSilent(torch::Tensor x, torch::Tensor y) {
  for (int fold = 0; fold < 5; ++fold) {
    auto model = torch::nn::Sequential(torch::nn::Linear(10, 1));
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    for (int i = 0; i < 100; ++i) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
  }
}

// Plain SGD keeps no state.
void PlainSgdPerBatchSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  for (int i = 0; i < 100; ++i) {
    torch::optim::SGD optimizer(model->parameters(), 0.01);
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// The form real code uses: the optimizer rebuilt at the top of every epoch
// around the batch loop, for the same model. Reported by default.
void AdamPerEpochFlagged(torch::nn::Sequential model, torch::Tensor x,
                         torch::Tensor y) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    // CHECK: :[[@LINE+2]]:5: warning: optimizer 'optimizer' is constructed inside a loop around its training loop; its moment estimates are reset on every iteration of it [gradlint-optimizer-in-loop]
    // CHECK: :[[@LINE-2]]:3: note: the loop starts here
    torch::optim::Adam optimizer(model->parameters(),
                                 torch::optim::AdamOptions(1e-3));
    for (int batch = 0; batch < 100; ++batch) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
  }
}

// Per epoch again, the batches run by a helper that takes the optimizer.
void train_epoch(torch::nn::Sequential &model, torch::optim::Optimizer &opt,
                 torch::Tensor x, torch::Tensor y) {
  for (int batch = 0; batch < 100; ++batch) {
    opt.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    opt.step();
  }
}

void RmspropPerEpochThroughHelperFlagged(torch::nn::Sequential model,
                                         torch::Tensor x, torch::Tensor y) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    // CHECK: :[[@LINE+2]]:5: warning: optimizer 'rms' is constructed inside a loop around its training loop; its running average of squared gradients is reset on every iteration of it [gradlint-optimizer-in-loop]
    // CHECK: :[[@LINE-2]]:3: note: the loop starts here
    torch::optim::RMSprop rms(model->parameters(),
                              torch::optim::RMSpropOptions(1e-3));
    train_epoch(model, rms, x, y);
  }
}

// A hyper-parameter search that reloads the starting weights per trial
// goes with a fresh model: silent.
void ReloadPerTrialSilent(torch::nn::Sequential model, torch::Tensor x,
                          torch::Tensor y) {
  for (int trial = 0; trial < 4; ++trial) {
    torch::load(model, "init.pt");
    torch::optim::Adam optimizer(model->parameters(),
                                 torch::optim::AdamOptions(1e-3 * trial));
    for (int batch = 0; batch < 100; ++batch) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
  }
}
