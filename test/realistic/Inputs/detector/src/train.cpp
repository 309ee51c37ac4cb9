#include <iostream>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "detector/backbone.h"
#include "detector/version.h"
#include "detector/voc_loader.h"

int main(int argc, char** argv) {
    std::cout << "tiny-detector " << DETECTOR_VERSION_STRING << std::endl;
    detector::TinyDetector model(20, 5);
    // SILENT: plain Adam at a sound rate.
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
    auto loader = torch::data::make_data_loader(detector::VOCLoader(argv[1]), 16);
    for (int epoch = 0; epoch < 100; ++epoch) {
        model->train();
        for (auto& batch : *loader) {
            auto out = model->forward(batch.images);
            auto loss = detector::yolo_loss(out, batch.boxes);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
