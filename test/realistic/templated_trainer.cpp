// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}templated_trainer.cpp:8:10: note: partial analysis: 'spdlog/spdlog.h' not found{{.*}}
// Style: the templated train()/test() of the LibTorch MNIST example, with
// spdlog for logging (absent here) and a Trainer that takes the model and
// optimizer by reference.
#include <torch/torch.h>
#include <spdlog/spdlog.h>
#include <cstddef>

struct Net : torch::nn::Module {
    Net()
        : conv1(torch::nn::Conv2dOptions(1, 10, 5)),
          conv2(torch::nn::Conv2dOptions(10, 20, 5)),
          fc1(320, 50),
          fc2(50, 10) {
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("conv2_drop", conv2_drop);
        register_module("fc1", fc1);
        register_module("fc2", fc2);
    }

    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(torch::max_pool2d(conv1->forward(x), 2));
        x = torch::relu(torch::max_pool2d(conv2_drop->forward(conv2->forward(x)), 2));
        x = x.view({-1, 320});
        x = torch::relu(fc1->forward(x));
        x = torch::dropout(x, 0.5, is_training());
        x = fc2->forward(x);
        return torch::log_softmax(x, 1);
    }

    torch::nn::Conv2d conv1;
    torch::nn::Conv2d conv2;
    torch::nn::Dropout2d conv2_drop;
    torch::nn::Linear fc1;
    torch::nn::Linear fc2;
};

// SILENT: a templated training function; step() is a dependent call.
template <typename DataLoader, typename Optimizer>
void train(size_t epoch, Net& model, DataLoader& data_loader, Optimizer& optimizer) {
    model.train();
    size_t batch_idx = 0;
    for (auto& batch : data_loader) {
        optimizer.zero_grad();
        auto output = model.forward(batch.data);
        auto loss = torch::nll_loss(output, batch.target);
        loss.backward();
        optimizer.step();
        if (batch_idx++ % 10 == 0) spdlog::info("epoch {} loss {}", epoch, loss.template item<float>());
    }
}

template <typename DataLoader>
void test(Net& model, DataLoader& data_loader) {
    torch::NoGradGuard no_grad;
    model.eval();
    for (const auto& batch : data_loader) {
        auto output = model.forward(batch.data);
        spdlog::info("test loss {}", torch::nll_loss(output, batch.target).template item<float>());
    }
}

int main() {
    Net model;
    auto train_loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
        torch::data::datasets::MNIST("./data")
            .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
            .map(torch::data::transforms::Stack<>()),
        64);
    auto test_loader = torch::data::make_data_loader(
        torch::data::datasets::MNIST("./data", torch::data::datasets::MNIST::Mode::kTest)
            .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
            .map(torch::data::transforms::Stack<>()),
        1000);
    // CHECK: :[[@LINE+1]]:78: warning: learning rate 1e-9 is below 1e-6{{.*}}[gradlint-tiny-learning-rate]
    torch::optim::SGD optimizer(model.parameters(), torch::optim::SGDOptions(1e-9).momentum(0.5));
    for (size_t epoch = 1; epoch <= 10; ++epoch) {
        train(epoch, model, *train_loader, optimizer);
        test(model, *test_loader);
    }
}
// CHECK: exit: 1
