// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_style_transfer.cpp:10:10: note: partial analysis: 'vggnet.h' not found (and 1 more header){{.*}}
// Style: tutorial collection (advanced/neural_style_transfer): a VGG loaded
// from TorchScript, the image itself optimized; vggnet.h and the image
// loaders are absent here.
#include <torch/torch.h>
#include <torch/script.h>
#include <iostream>
#include "vggnet.h"
#include "image_io.h"

int main() {
    const double learning_rate = 0.003;
    const double style_loss_weight = 100;
    const size_t total_step = 2000;

    auto content = image_io::load_image("content.png", 356);
    auto style = image_io::load_image("style.png", 356);

    auto layers = torch::jit::load("vgg19_layers.pt");
    VGGNet model(layers);
    model->eval();

    // The image to optimize starts as a copy of the content image.
    auto target = content.clone().set_requires_grad(true);

    for (size_t step = 0; step != total_step; ++step) {
        // planted, not found now: gradlint-optimizer-in-loop: the tensor it optimises comes from the absent image header, so the construction is touched by an error and not read
        torch::optim::Adam optimizer(std::vector<torch::Tensor>{target},
                                     torch::optim::AdamOptions(learning_rate).betas({0.5, 0.999}));

        auto target_features = model->forward(target);
        auto content_features = model->forward(content);
        auto style_features = model->forward(style);

        auto style_loss = torch::zeros({1});
        auto content_loss = torch::zeros({1});
        for (size_t f_id = 0; f_id < target_features.size(); ++f_id) {
            auto f1 = target_features[f_id];
            auto f2 = content_features[f_id];
            auto f3 = style_features[f_id];
            content_loss += torch::nn::functional::mse_loss(f1, f2);
            auto c = f1.size(1);
            f1 = f1.view({c, -1});
            f3 = f3.view({c, -1});
            f1 = torch::mm(f1, f1.t());
            f3 = torch::mm(f3, f3.t());
            style_loss += torch::nn::functional::mse_loss(f1, f3) / (c * f1.size(1));
        }
        auto loss = content_loss + style_loss_weight * style_loss;

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        if ((step + 1) % 10 == 0) {
            std::cout << "Step [" << step + 1 << "/" << total_step << "], Content Loss: "
                << content_loss.item<double>() << ", Style Loss: " << style_loss.item<double>() << "\n";
        }
    }
    image_io::save_image(target, "output.png");
}
// CHECK: exit: 0
