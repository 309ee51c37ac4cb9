#include "gan/models.h"

namespace gan {

GeneratorImpl::GeneratorImpl(int64_t latent_dim, int64_t image_dim) {
    fc1 = register_module("fc1", torch::nn::Linear(latent_dim, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 256));
    fc3 = register_module("fc3", torch::nn::Linear(256, 512));
    fc4 = register_module("fc4", torch::nn::Linear(512, image_dim));
}

torch::Tensor GeneratorImpl::forward(torch::Tensor z) {
    // defect (gradlint-saturating-stack): three sigmoid hidden layers
    auto h = torch::sigmoid(fc1->forward(z));
    h = torch::sigmoid(fc2->forward(h));
    h = torch::sigmoid(fc3->forward(h));
    return torch::tanh(fc4->forward(h));
}

DiscriminatorImpl::DiscriminatorImpl(int64_t image_dim) {
    net = register_module("net", torch::nn::Sequential(
        torch::nn::Linear(image_dim, 512), torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
        torch::nn::Linear(512, 256), torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
        torch::nn::Linear(256, 1)));
}

torch::Tensor DiscriminatorImpl::forward(torch::Tensor x) { return net->forward(x); }

}  // namespace gan
