// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_linear_regression.cpp:9:10: note: partial analysis: 'matplot/matplot.h' not found{{.*}}
// Style: tutorial collection (basics/linear_regression); plots with a
// matplot++ header that is not installed here.
#include <torch/torch.h>
#include <iostream>
#include <iomanip>
#include <matplot/matplot.h>

int main() {
    std::cout << "Linear Regression\n\n";

    const int64_t input_size = 1;
    const int64_t output_size = 1;
    const size_t num_epochs = 60;
    // gradlint-tiny-learning-rate: 1e-8 copied from a paper's Adam table (reported where the optimizer uses it)
    const double learning_rate = 1e-8;

    // Square footage of 15 houses and a noisy price: inputs in the hundreds.
    // planted, not found now: gradlint-unnormalized-input: features up to 500, no scaling
    auto x_train = torch::rand({15, 1}) * 500;
    auto y_train = 3 * x_train + torch::randn({15, 1});

    torch::nn::Linear model(input_size, output_size);

    // CHECK: :[[@LINE+1]]:79: warning: learning rate 1e-8 is below 1e-6{{.*}}[gradlint-tiny-learning-rate]
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(learning_rate));

    std::cout << std::fixed << std::setprecision(4);

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        auto output = model(x_train);
        auto loss = torch::nn::functional::mse_loss(output, y_train);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        if ((epoch + 1) % 5 == 0) {
            std::cout << "Epoch [" << (epoch + 1) << "/" << num_epochs <<
                "], Loss: " << loss.item<double>() << "\n";
        }
    }

    matplot::plot(std::vector<double>{1, 2, 3});
    std::cout << "Training finished!\n";
}
// CHECK: exit: 1
