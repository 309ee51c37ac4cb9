// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}dcgan_celeba.cpp:7:10: note: partial analysis: 'opencv2/opencv.hpp' not found{{.*}}
// Style: DCGAN on CelebA with an OpenCV-backed torch::data::Dataset (OpenCV
// is not installed here) and the DCGAN weight initialisation.
#include <torch/torch.h>
#include <opencv2/opencv.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

class CelebADataset : public torch::data::Dataset<CelebADataset> {
 public:
  explicit CelebADataset(const std::string& root) {
    for (const auto& entry : fs::directory_iterator(root)) paths_.push_back(entry.path().string());
  }
  torch::data::Example<> get(size_t index) override {
    cv::Mat img = cv::imread(paths_[index]);
    cv::resize(img, img, cv::Size(64, 64));
    cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    auto tensor = torch::from_blob(img.data, {64, 64, 3}, torch::kByte).permute({2, 0, 1}).clone();
    tensor = tensor.toType(torch::kFloat).div(127.5).sub(1.0);
    return {tensor, torch::zeros({1})};
  }
  torch::optional<size_t> size() const override { return paths_.size(); }

 private:
  std::vector<std::string> paths_;
};

torch::nn::Sequential make_discriminator() {
  return torch::nn::Sequential(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 64, 4).stride(2).padding(1).bias(false)),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 128, 4).stride(2).padding(1).bias(false)),
      torch::nn::BatchNorm2d(128),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(128, 256, 4).stride(2).padding(1).bias(false)),
      torch::nn::BatchNorm2d(256),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(256, 1, 8).stride(1).padding(0).bias(false)));
}

torch::nn::Sequential make_generator(int64_t nz) {
  return torch::nn::Sequential(
      torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(nz, 256, 8).bias(false)),
      torch::nn::BatchNorm2d(256), torch::nn::ReLU(),
      torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(256, 128, 4).stride(2).padding(1).bias(false)),
      torch::nn::BatchNorm2d(128), torch::nn::ReLU(),
      torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(128, 3, 4).stride(2).padding(1).bias(false)),
      torch::nn::Tanh());
}

// SILENT: the DCGAN paper's N(0, 0.02) conv init and N(1, 0.02) BN init.
void weights_init(torch::nn::Module& m) {
  if (auto* conv = m.as<torch::nn::Conv2d>()) {
    torch::nn::init::normal_(conv->weight, 0.0, 0.02);
  } else if (auto* bn = m.as<torch::nn::BatchNorm2d>()) {
    torch::nn::init::normal_(bn->weight, 1.0, 0.02);
    torch::nn::init::constant_(bn->bias, 0.0);
  }
}

int main() {
  const int64_t nz = 100;
  auto netD = make_discriminator();
  auto netG = make_generator(nz);
  netD->apply(weights_init);
  netG->apply(weights_init);

  auto loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
      CelebADataset("img_align_celeba").map(torch::data::transforms::Stack<>()), 128);

  torch::optim::Adam optD(netD->parameters(), torch::optim::AdamOptions(2e-4).betas({0.5, 0.999}));
  torch::optim::Adam optG(netG->parameters(), torch::optim::AdamOptions(2e-4).betas({0.5, 0.999}));

  for (int epoch = 0; epoch < 5; ++epoch) {
    for (auto& batch : *loader) {
      auto b = batch.data.size(0);
      netD->zero_grad();
      auto output = netD->forward(batch.data).view(-1);
      // The discriminator has no sigmoid: logits into binary_cross_entropy.
      // CHECK: :[[@LINE+1]]:24: warning: raw logits into binary_cross_entropy{{.*}}[gradlint-loss-mismatch]
      auto errD_real = torch::binary_cross_entropy(output, torch::ones({b}));
      errD_real.backward();
      auto noise = torch::randn({b, nz, 1, 1});
      auto fake = netG->forward(noise);
      output = netD->forward(fake.detach()).view(-1);
      // CHECK: :[[@LINE+1]]:24: warning: raw logits into binary_cross_entropy{{.*}}[gradlint-loss-mismatch]
      auto errD_fake = torch::binary_cross_entropy(output, torch::zeros({b}));
      errD_fake.backward();
      optD.step();

      netG->zero_grad();
      output = netD->forward(fake).view(-1);
      // CHECK: :[[@LINE+1]]:19: warning: raw logits into binary_cross_entropy{{.*}}[gradlint-loss-mismatch]
      auto errG = torch::binary_cross_entropy(output, torch::ones({b}));
      errG.backward();
      optG.step();
    }
  }
}
// CHECK: exit: 1
