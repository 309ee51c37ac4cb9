#include "digits/net.h"

NetImpl::NetImpl(int64_t Hidden) {
  Fc1 = register_module("fc1", torch::nn::Linear(784, Hidden));
  Fc2 = register_module("fc2", torch::nn::Linear(Hidden, Hidden));
  Fc3 = register_module("fc3", torch::nn::Linear(Hidden, 10));
}
