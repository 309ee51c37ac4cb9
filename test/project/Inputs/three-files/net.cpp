#include "net.h"

NetImpl::NetImpl() {
  fc1 = register_module("fc1", torch::nn::Linear(8, 16));
  fc2 = register_module("fc2", torch::nn::Linear(16, 16));
  fc3 = register_module("fc3", torch::nn::Linear(16, 16));
  out = register_module("out", torch::nn::Linear(16, 1));
}

torch::Tensor NetImpl::forward(torch::Tensor X) {
  X = torch::sigmoid(fc1(X));
  X = torch::sigmoid(fc2(X));
  X = torch::sigmoid(fc3(X));
  return out(X);
}
