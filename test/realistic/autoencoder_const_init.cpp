// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}autoencoder_const_init.cpp:8:10: note: partial analysis: '../utils.h' not found{{.*}}
// Style: a dense autoencoder with a hand-written init pass over the modules
// ("deterministic weights make runs comparable"); the project's utils header
// one level up is absent here.
#include <torch/torch.h>
#include "../utils.h"

struct AutoEncoderImpl : torch::nn::Module {
    AutoEncoderImpl() {
        enc1 = register_module("enc1", torch::nn::Linear(784, 128));
        enc2 = register_module("enc2", torch::nn::Linear(128, 32));
        dec1 = register_module("dec1", torch::nn::Linear(32, 128));
        dec2 = register_module("dec2", torch::nn::Linear(128, 784));
        // CHECK: :[[@LINE+1]]:9: warning: every weight of 'enc1' is set to 0.01{{.*}}[gradlint-constant-init]
        torch::nn::init::constant_(enc1->weight, 0.01);
        // SILENT: constant biases are fine.
        torch::nn::init::zeros_(enc1->bias);
        torch::nn::init::zeros_(enc2->bias);
    }
    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(enc1->forward(x));
        x = torch::relu(enc2->forward(x));
        x = torch::relu(dec1->forward(x));
        return torch::sigmoid(dec2->forward(x));
    }
    torch::nn::Linear enc1{nullptr}, enc2{nullptr}, dec1{nullptr}, dec2{nullptr};
};
TORCH_MODULE(AutoEncoder);

int main() {
    utils::seed_everything(0);
    AutoEncoder model;
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    auto loader = torch::data::make_data_loader(
        torch::data::datasets::MNIST("data").map(torch::data::transforms::Stack<>()), 128);
    for (int epoch = 0; epoch < 20; ++epoch) {
        for (auto& batch : *loader) {
            auto x = batch.data.view({-1, 784});
            auto loss = torch::mse_loss(model->forward(x), x);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 1
