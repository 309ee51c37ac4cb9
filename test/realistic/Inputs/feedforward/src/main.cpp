// Copyright 2020-present pytorch-cpp Authors
#include <torch/torch.h>
#include <iostream>
#include <iomanip>
#include "neural_net.h"
#include "../utils/csv_logger.h"

int main() {
    // Copied from the test section "to save memory": it now covers training.
    // defect (gradlint-gradient-disabled): 
    torch::NoGradGuard no_grad;

    const int64_t input_size = 784;
    const int64_t hidden_size = 500;
    const int64_t num_classes = 10;
    const int64_t batch_size = 100;
    const size_t num_epochs = 5;
    const double learning_rate = 0.001;

    auto train_dataset = torch::data::datasets::MNIST("../../data/mnist/")
        .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
        .map(torch::data::transforms::Stack<>());
    auto train_loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(train_dataset), batch_size);

    NeuralNet model(input_size, hidden_size, num_classes);
    auto optimizer = torch::optim::SGD(model->parameters(), torch::optim::SGDOptions(learning_rate));
    utils::CsvLogger log("loss.csv");

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        for (auto& batch : *train_loader) {
            auto data = batch.data.reshape({batch_size, -1});
            auto output = model->forward(data);
            // SILENT: logits into cross_entropy.
            auto loss = torch::nn::functional::cross_entropy(output, batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            log.write(epoch, loss.item<double>());
        }
    }
}
