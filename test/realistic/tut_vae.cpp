// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_vae.cpp:9:10: note: partial analysis: 'save_image.h' not found{{.*}}
// Style: tutorial collection (advanced/variational_autoencoder), model and
// training in one file; image saving from the collection's utils (absent).
#include <torch/torch.h>
#include <iostream>
#include <utility>
#include "save_image.h"

struct VAEOutput {
    torch::Tensor reconstruction;
    torch::Tensor mu;
    torch::Tensor log_var;
};

class VAEImpl : public torch::nn::Module {
 public:
    VAEImpl(int64_t image_size, int64_t h_dim, int64_t z_dim)
        : fc1(image_size, h_dim), fc2(h_dim, z_dim), fc3(h_dim, z_dim),
          fc4(z_dim, h_dim), fc5(h_dim, image_size) {
        register_module("fc1", fc1);
        register_module("fc2", fc2);
        register_module("fc3", fc3);
        register_module("fc4", fc4);
        register_module("fc5", fc5);
    }

    std::pair<torch::Tensor, torch::Tensor> encode(torch::Tensor x) {
        auto h = torch::relu(fc1->forward(x));
        return {fc2->forward(h), fc3->forward(h)};
    }

    torch::Tensor reparameterize(torch::Tensor mu, torch::Tensor log_var) {
        if (is_training()) {
            auto std = log_var.div(2).exp_();
            auto eps = torch::randn_like(std);
            return eps.mul(std).add_(mu);
        }
        return mu;
    }

    torch::Tensor decode(torch::Tensor z) {
        // planted, not found now: gradlint-missing-nonlinearity: no ReLU between fc4 and fc5
        auto h = fc4->forward(z);
        return torch::sigmoid(fc5->forward(h));
    }

    VAEOutput forward(torch::Tensor x) {
        auto encode_output = encode(x);
        // SILENT: tensors kept for the KL term are not weights.
        this->last_mu = encode_output.first;
        this->last_log_var = encode_output.second;
        auto z = reparameterize(last_mu, last_log_var);
        return {decode(z), last_mu, last_log_var};
    }

    torch::Tensor last_mu;
    torch::Tensor last_log_var;

 private:
    torch::nn::Linear fc1, fc2, fc3, fc4, fc5;
};

TORCH_MODULE(VAE);

int main() {
    const int64_t h_dim = 400;
    const int64_t z_dim = 20;
    const int64_t image_size = 28 * 28;
    const int64_t batch_size = 100;
    const size_t num_epochs = 15;
    const double learning_rate = 1e-3;

    auto dataset = torch::data::datasets::MNIST("../data/mnist/")
        .map(torch::data::transforms::Stack<>());
    auto dataloader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(dataset), batch_size);

    VAE model(image_size, h_dim, z_dim);
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(learning_rate));

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        model->train();
        for (auto& batch : *dataloader) {
            auto images = batch.data.reshape({-1, image_size});
            auto output = model->forward(images);
            auto reconstruction_loss = torch::nn::functional::binary_cross_entropy(
                output.reconstruction, images,
                torch::nn::functional::BinaryCrossEntropyFuncOptions().reduction(torch::kSum));
            auto kl_divergence = -0.5 * torch::sum(1 + output.log_var - output.mu.pow(2) - output.log_var.exp());
            auto loss = reconstruction_loss + kl_divergence;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        model->eval();
        torch::NoGradGuard no_grad;
        auto z = torch::randn({batch_size, z_dim});
        auto out = model->decode(z).view({-1, 1, 28, 28});
        save_image(out, "sampled-" + std::to_string(epoch + 1) + ".png");
    }
}
// CHECK: exit: 0
