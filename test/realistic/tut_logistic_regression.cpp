// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_logistic_regression.cpp:9:10: note: partial analysis: 'image_io.h' not found{{.*}}
// Style: tutorial collection (basics/logistic_regression) with the image
// helpers of the collection's utils/ (not in this tree).
#include <torch/torch.h>
#include <iostream>
#include <iomanip>
#include "image_io.h"

int main() {
    const int64_t input_size = 784;
    const int64_t num_classes = 10;
    const int64_t batch_size = 100;
    const size_t num_epochs = 5;
    const double learning_rate = 0.001;

    auto train_dataset = torch::data::datasets::MNIST("../data/mnist/")
        .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
        .map(torch::data::transforms::Stack<>());
    auto train_loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(train_dataset), batch_size);

    // Logistic regression model
    torch::nn::Linear model(input_size, num_classes);

    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(learning_rate));

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        double running_loss = 0.0;
        for (auto& batch : *train_loader) {
            auto data = batch.data.view({batch_size, -1});
            auto target = batch.target;

            auto output = model->forward(data);
            // CHECK: :[[@LINE+1]]:62: warning: softmax before cross_entropy, which applies log_softmax itself{{.*}}[gradlint-loss-mismatch]
            auto loss = torch::nn::functional::cross_entropy(output.softmax(1), target);

            running_loss += loss.item<double>() * data.size(0);

            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        std::cout << "Epoch " << epoch << " loss " << running_loss << '\n';
    }

    image_io::save_image(model->weight.view({num_classes, 1, 28, 28}), "weights.png");
}
// CHECK: exit: 1
