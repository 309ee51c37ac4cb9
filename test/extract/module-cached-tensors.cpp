// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Tensors a module keeps from forward() for a later loss term (a VAE's mean
// and log-variance, a contrastive model's embedding) are computed from the
// input: they are not weights, so they are not members to register. A
// tensor member used as a weight and never registered stays a member.
#include <torch/torch.h>

struct VAEImpl : torch::nn::Module {
  VAEImpl(int64_t in, int64_t latent) {
    encoder = register_module("encoder", torch::nn::Linear(in, 2 * latent));
    decoder = register_module("decoder", torch::nn::Linear(latent, in));
  }
  torch::Tensor forward(torch::Tensor x) {
    torch::Tensor h = encoder->forward(x);
    auto parts = h.chunk(2, 1);
    this->mean_keep = parts[0];
    log_var = parts[1];
    return decoder->forward(mean_keep + torch::exp(0.5 * log_var));
  }
  torch::Tensor kl() { return -0.5 * torch::sum(1 + log_var - mean_keep * mean_keep - log_var.exp()); }
  torch::nn::Linear encoder{nullptr}, decoder{nullptr};
  torch::Tensor mean_keep, log_var;
};
TORCH_MODULE(VAE);

// Cached by a helper method from its argument, then read in forward().
struct EncoderImpl : torch::nn::Module {
  EncoderImpl() { fc = register_module("fc", torch::nn::Linear(16, 16)); }
  void encode(const torch::Tensor &x) { features = fc->forward(x); }
  torch::Tensor forward(torch::Tensor x) {
    encode(x);
    return torch::relu(features) * scale;
  }
  torch::nn::Linear fc{nullptr};
  torch::Tensor features;
  torch::Tensor scale = torch::ones({16});
};

// CHECK:       "members": [
// CHECK:       "name": "decoder",
// CHECK-NOT:   "mean_keep"
// CHECK-NOT:   "log_var"
// CHECK:       "name": "VAE"
// CHECK:       "members": [
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NOT:   "features"
// CHECK:       "is_tensor": true,
// CHECK:       "name": "scale",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "features"
// CHECK:       "name": "Encoder"
