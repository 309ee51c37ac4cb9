// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_gan_mlp.cpp:10:10: note: partial analysis: 'image_io.h' not found{{.*}}
// Style: tutorial collection (advanced/generative_adversarial_network): two
// Sequentials in main, two optimizers, images saved through image_io.h
// (absent here).
#include <torch/torch.h>
#include <iostream>
#include <iomanip>
#include "image_io.h"

using image_io::save_image;

int main() {
    const int64_t latent_size = 64;
    const int64_t hidden_size = 256;
    const int64_t image_size = 28 * 28;
    const int64_t batch_size = 100;
    const size_t num_epochs = 200;
    const double learning_rate = 0.0002;

    auto dataset = torch::data::datasets::MNIST("../data/mnist/")
        .map(torch::data::transforms::Normalize<>(0.5, 0.5))
        .map(torch::data::transforms::Stack<>());
    auto dataloader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(dataset), batch_size);

    // Discriminator: ends in a sigmoid ...
    torch::nn::Sequential D{
        torch::nn::Linear(image_size, hidden_size),
        torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
        torch::nn::Linear(hidden_size, hidden_size),
        torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
        torch::nn::Linear(hidden_size, 1),
        // CHECK: :[[@LINE+1]]:9: warning: sigmoid before binary_cross_entropy_with_logits, which applies sigmoid itself{{.*}}[gradlint-loss-mismatch]
        torch::nn::Sigmoid()
    };

    // SILENT: a tanh output for images normalised to [-1, 1].
    torch::nn::Sequential G{
        torch::nn::Linear(latent_size, hidden_size),
        torch::nn::ReLU(),
        torch::nn::Linear(hidden_size, hidden_size),
        torch::nn::ReLU(),
        torch::nn::Linear(hidden_size, image_size),
        torch::nn::Tanh()
    };

    // SILENT: two optimizers, one per model, both forwarded in the loop.
    torch::optim::Adam d_optimizer(D->parameters(), torch::optim::AdamOptions(learning_rate));
    torch::optim::Adam g_optimizer(G->parameters(), torch::optim::AdamOptions(learning_rate));

    auto denorm = [] (torch::Tensor tensor) { return tensor.add(1).div_(2).clamp_(0, 1); };

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        torch::Tensor fake_images;
        for (auto& batch : *dataloader) {
            auto images = batch.data.reshape({batch_size, -1});
            auto real_labels = torch::ones({batch_size, 1});
            auto fake_labels = torch::zeros({batch_size, 1});

            auto outputs = D->forward(images);
            auto d_loss_real = torch::nn::functional::binary_cross_entropy_with_logits(outputs, real_labels);

            auto z = torch::randn({batch_size, latent_size});
            fake_images = G->forward(z);
            outputs = D->forward(fake_images.detach());
            auto d_loss_fake = torch::nn::functional::binary_cross_entropy_with_logits(outputs, fake_labels);

            auto d_loss = d_loss_real + d_loss_fake;
            d_optimizer.zero_grad();
            d_loss.backward();
            d_optimizer.step();

            z = torch::randn({batch_size, latent_size});
            fake_images = G->forward(z);
            outputs = D->forward(fake_images);
            auto g_loss = torch::nn::functional::binary_cross_entropy_with_logits(outputs, real_labels);

            g_optimizer.zero_grad();
            g_loss.backward();
            g_optimizer.step();
        }
        fake_images = denorm(fake_images.reshape({fake_images.size(0), 1, 28, 28}));
        save_image(fake_images, "fake_images-" + std::to_string(epoch + 1) + ".png");
    }
}
// CHECK: exit: 1
