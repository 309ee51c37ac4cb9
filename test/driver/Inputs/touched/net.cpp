#include "net.h"

NetImpl::NetImpl() {
  fc1 = register_module("fc1", torch::nn::Linear(8, 16));
  drop = register_module("drop", torch::nn::Dropout(0.5));
  fc2 = register_module("fc2", torch::nn::Linear(16, 1));
}

torch::Tensor NetImpl::forward(torch::Tensor X) {
  return fc2(drop(torch::relu(fc1(X))));
}
