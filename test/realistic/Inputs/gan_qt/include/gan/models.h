#pragma once

#include <torch/torch.h>

namespace gan {

class GeneratorImpl : public torch::nn::Module {
 public:
    GeneratorImpl(int64_t latent_dim, int64_t image_dim);
    torch::Tensor forward(torch::Tensor z);

 private:
    torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr}, fc4{nullptr};
};
TORCH_MODULE(Generator);

class DiscriminatorImpl : public torch::nn::Module {
 public:
    explicit DiscriminatorImpl(int64_t image_dim);
    torch::Tensor forward(torch::Tensor x);

 private:
    torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(Discriminator);

}  // namespace gan
