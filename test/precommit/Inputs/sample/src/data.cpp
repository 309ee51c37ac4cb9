#include "data.h"

#include <opencv2/opencv.hpp>

std::pair<torch::Tensor, torch::Tensor> loadDigits(const std::string &Dir) {
  std::vector<cv::String> Files;
  cv::glob(Dir + "/*.png", Files);
  auto Images = torch::empty({(int64_t)Files.size(), 1, 28, 28});
  auto Labels = torch::empty({(int64_t)Files.size()}, torch::kLong);
  for (size_t I = 0; I < Files.size(); ++I) {
    cv::Mat Img = cv::imread(Files[I], cv::IMREAD_GRAYSCALE);
    Images[I] = torch::from_blob(Img.data, {1, 28, 28}, torch::kUInt8)
                    .to(torch::kFloat) / 255.0;
    Labels[I] = std::stoi(Files[I].substr(Files[I].size() - 5, 1));
  }
  return {Images, Labels};
}
