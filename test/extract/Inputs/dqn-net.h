// A model defined in a project header, as RL projects do (include/dqn.h).
#pragma once

#include <torch/torch.h>

namespace rl {

struct DuelingHeadImpl : torch::nn::Module {
  DuelingHeadImpl(int64_t in, int64_t actions)
      : value(register_module("value", torch::nn::Linear(in, 1))),
        advantage(register_module("advantage", torch::nn::Linear(in, actions))) {}
  torch::Tensor forward(torch::Tensor x) {
    auto a = advantage(x);
    return value(x) + a - a.mean(1, true);
  }
  torch::nn::Linear value, advantage;
};
TORCH_MODULE(DuelingHead);

struct DQNImpl : torch::nn::Module {
  DQNImpl(int64_t obs, int64_t actions) {
    fc = register_module("fc", torch::nn::Linear(obs, 128));
    head = register_module("head", std::make_shared<DuelingHeadImpl>(128, actions));
  }
  torch::Tensor forward(torch::Tensor x) { return head->forward(torch::relu(fc(x))); }
  torch::nn::Linear fc{nullptr};
  std::shared_ptr<DuelingHeadImpl> head;
};
TORCH_MODULE(DQN);

} // namespace rl
