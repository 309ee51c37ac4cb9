// RUN: %check_gradlint %s --checks='-*,gradlint-exploding-init,gradlint-small-init' | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Layers built as local variables, initialised, then put into a Sequential
// (pushed back, moved, or passed to its constructor): the init is the
// Sequential's layer's.
#include <torch/torch.h>

torch::nn::Sequential PushedBackFlagged() {
  torch::nn::Linear fc1(784, 256);
  // CHECK: :[[@LINE+1]]:3: warning: normal(0, 1) gives 'fc1' a weight scale of 1{{.*}}[gradlint-exploding-init]
  torch::nn::init::normal_(fc1->weight, 0.0, 1.0);
  torch::nn::Linear fc2(256, 10);
  torch::nn::init::kaiming_normal_(fc2->weight);
  torch::nn::Sequential net;
  net->push_back(std::move(fc1));
  net->push_back(torch::nn::ReLU());
  net->push_back(fc2);
  return net;
}

torch::nn::Sequential ConstructedFlagged() {
  torch::nn::Linear a(784, 256), b(256, 10);
  // CHECK: :[[@LINE+1]]:3: warning: uniform(0, 0.001) gives 'a' a weight scale of {{.*}} below {{.*}}[gradlint-small-init]
  torch::nn::init::uniform_(a->weight, 0.0, 0.001);
  return torch::nn::Sequential(a, torch::nn::Sigmoid(), b, torch::nn::Sigmoid(),
                               torch::nn::Linear(10, 1));
}

// He init on the hidden layer, a small output layer: both sound.
torch::nn::Sequential SoundInitSilent() {
  torch::nn::Linear hidden(784, 256), out(256, 10);
  torch::nn::init::kaiming_normal_(hidden->weight);
  torch::nn::init::normal_(out->weight, 0.0, 0.001);
  torch::nn::Sequential net(hidden, torch::nn::ReLU(), out);
  return net;
}
