#include <iostream>

#include <torch/torch.h>

#include "config.h"
#include "trainer.h"
#include "datasets/image_folder.h"

int main() {
    std::cout << "classifier " << CLASSIFIER_VERSION << '\n';
    auto train_loader = torch::data::make_data_loader(
        datasets::ImageFolder(CLASSIFIER_DATA_DIR "/train").map(torch::data::transforms::Stack<>()), 64);
    auto val_loader = torch::data::make_data_loader(
        datasets::ImageFolder(CLASSIFIER_DATA_DIR "/val").map(torch::data::transforms::Stack<>()), 64);

    Classifier model(CLASSIFIER_NUM_CLASSES);
    Trainer trainer(model, 1e-3);
    for (int epoch = 0; epoch < 20; ++epoch) {
        auto loss = trainer.train_epoch(*train_loader);
        auto acc = trainer.validate(*val_loader);
        std::cout << epoch << " " << loss << " " << acc << '\n';
    }
}
