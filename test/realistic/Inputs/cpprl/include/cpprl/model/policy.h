#pragma once

#include <memory>
#include <vector>

#include <torch/torch.h>

#include "cpprl/model/nn_base.h"
#include "cpprl/spaces.h"

namespace cpprl
{
class PolicyImpl : public torch::nn::Module
{
  private:
    ActionSpace action_space;
    std::shared_ptr<NNBase> base;
    torch::nn::Linear output_layer;

  public:
    PolicyImpl(ActionSpace action_space, std::shared_ptr<NNBase> base, unsigned int num_actions);

    std::vector<torch::Tensor> act(torch::Tensor inputs, torch::Tensor rnn_hxs, torch::Tensor masks);
    std::vector<torch::Tensor> evaluate_actions(torch::Tensor inputs, torch::Tensor rnn_hxs,
                                                torch::Tensor masks, torch::Tensor actions);
};
TORCH_MODULE(Policy);
}
