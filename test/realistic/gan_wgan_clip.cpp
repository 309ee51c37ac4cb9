// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}gan_wgan_clip.cpp:9:10: note: partial analysis: '../common/args.h' not found{{.*}}
// Style: a WGAN with weight clipping (RMSprop, several critic steps per
// generator step); the author's argument parser lives in ../common/args.h,
// absent here.
#include <torch/torch.h>
#include <iostream>
#include "../common/args.h"

struct CriticImpl : torch::nn::Module {
    CriticImpl() {
        net = register_module("net", torch::nn::Sequential(
            torch::nn::Linear(784, 512), torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
            torch::nn::Linear(512, 256), torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
            torch::nn::Linear(256, 1)));
    }
    torch::Tensor forward(torch::Tensor x) { return net->forward(x.view({x.size(0), -1})); }
    torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(Critic);

struct GeneratorImpl : torch::nn::Module {
    GeneratorImpl(int64_t latent) {
        net = register_module("net", torch::nn::Sequential(
            torch::nn::Linear(latent, 256), torch::nn::BatchNorm1d(256), torch::nn::ReLU(),
            torch::nn::Linear(256, 512), torch::nn::BatchNorm1d(512), torch::nn::ReLU(),
            torch::nn::Linear(512, 784), torch::nn::Tanh()));
    }
    torch::Tensor forward(torch::Tensor z) { return net->forward(z); }
    torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(Generator);

int main(int argc, char** argv) {
    auto opts = common::parse_args(argc, argv);
    const int64_t latent = 100;
    const int n_critic = 5;
    const double clip_value = 0.01;

    Critic critic;
    Generator generator(latent);
    torch::optim::RMSprop opt_c(critic->parameters(), torch::optim::RMSpropOptions(5e-5));
    torch::optim::RMSprop opt_g(generator->parameters(), torch::optim::RMSpropOptions(5e-5));

    auto dataset = torch::data::datasets::MNIST(opts.data_root)
        .map(torch::data::transforms::Normalize<>(0.5, 0.5))
        .map(torch::data::transforms::Stack<>());
    auto loader = torch::data::make_data_loader(std::move(dataset), 64);

    for (int epoch = 0; epoch < 200; ++epoch) {
        int i = 0;
        for (auto& batch : *loader) {
            auto z = torch::randn({batch.data.size(0), latent});
            auto fake = generator->forward(z).detach();
            auto loss_c = -torch::mean(critic->forward(batch.data)) + torch::mean(critic->forward(fake.view({-1, 1, 28, 28})));
            opt_c.zero_grad();
            loss_c.backward();
            opt_c.step();

            // Clip the critic's weights. The guard was meant for the loop
            // below only, but it lives until the end of the batch.
            // planted, not found now: gradlint-gradient-disabled: the generator step runs under it
            torch::NoGradGuard no_grad;
            for (auto& p : critic->parameters()) {
                p.clamp_(-clip_value, clip_value);
            }

            if (++i % n_critic == 0) {
                opt_g.zero_grad();
                auto gen = generator->forward(z);
                auto loss_g = -torch::mean(critic->forward(gen.view({-1, 1, 28, 28})));
                loss_g.backward();
                opt_g.step();
            }
        }
        std::cout << "epoch " << epoch << '\n';
    }
}
// CHECK: exit: 0
