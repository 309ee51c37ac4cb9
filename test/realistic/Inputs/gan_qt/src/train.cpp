#include <QApplication>
#include <QImage>
#include <QLabel>

#include <torch/torch.h>

#include "gan/models.h"

// Shows generated digits in a Qt window while training.
static QImage to_qimage(const torch::Tensor& img) {
    auto u8 = img.add(1).mul(127.5).clamp(0, 255).to(torch::kU8).contiguous();
    return QImage(u8.data_ptr<uint8_t>(), 28, 28, QImage::Format_Grayscale8).copy();
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QLabel view;
    gan::Generator G(64, 784);
    gan::Discriminator D(784);
    torch::optim::Adam opt_g(G->parameters(), torch::optim::AdamOptions(2e-4).betas({0.5, 0.999}));
    torch::optim::Adam opt_d(D->parameters(), torch::optim::AdamOptions(2e-4).betas({0.5, 0.999}));
    auto loader = torch::data::make_data_loader(
        torch::data::datasets::MNIST("data")
            .map(torch::data::transforms::Normalize<>(0.5, 0.5))
            .map(torch::data::transforms::Stack<>()), 64);
    for (int epoch = 0; epoch < 50; ++epoch) {
        for (auto& batch : *loader) {
            auto real = batch.data.view({-1, 784});
            auto n = real.size(0);
            auto fake = G->forward(torch::randn({n, 64}));
            // SILENT: D outputs logits; the with-logits loss is right.
            auto d_loss = torch::binary_cross_entropy_with_logits(D->forward(real), torch::ones({n, 1})) +
                          torch::binary_cross_entropy_with_logits(D->forward(fake.detach()), torch::zeros({n, 1}));
            opt_d.zero_grad();
            d_loss.backward();
            opt_d.step();
            auto g_loss = torch::binary_cross_entropy_with_logits(D->forward(fake), torch::ones({n, 1}));
            opt_g.zero_grad();
            g_loss.backward();
            opt_g.step();
        }
        view.setPixmap(QPixmap::fromImage(to_qimage(G->forward(torch::randn({1, 64}))[0])));
        app.processEvents();
    }
}
