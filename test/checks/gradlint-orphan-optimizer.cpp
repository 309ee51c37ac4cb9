// RUN: %check_gradlint %s --checks='-*,gradlint-orphan-optimizer' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

struct EncoderImpl : torch::nn::Module {
  EncoderImpl() : fc(register_module("fc", torch::nn::Linear(10, 4))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(fc(x)); }
  torch::nn::Linear fc;
};
TORCH_MODULE(Encoder);

struct DecoderImpl : torch::nn::Module {
  DecoderImpl() : fc(register_module("fc", torch::nn::Linear(4, 10))) {}
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc;
};
TORCH_MODULE(Decoder);

void WrongParametersFlagged(torch::Tensor x) {
  Encoder encoder;
  Decoder decoder;
  // CHECK: :[[@LINE+4]]:3: warning: optimizer 'optimizer' holds the parameters of 'Encoder' but the loop it steps forwards 'Decoder'; the weights of 'Decoder' never change [gradlint-orphan-optimizer]
  // CHECK: :[[@LINE+7]]:21: note: 'Decoder' is forwarded here
  // CHECK: :[[@LINE+7]]:5: note: 'optimizer' steps here
  // CHECK: :[[@LINE+1]]:3: note: proof: 'optimizer' was built over the parameters of 'Encoder' only, so its step() never writes a parameter of 'Decoder'
  torch::optim::Adam optimizer(encoder->parameters(), 1e-3);
  auto code = torch::rand({64, 4});
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(decoder->forward(code), x).backward();
    optimizer.step();
  }
}

void RightParametersSilent(torch::Tensor x) {
  Decoder decoder;
  torch::optim::Adam optimizer(decoder->parameters(), 1e-3);
  auto code = torch::rand({64, 4});
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(decoder->forward(code), x).backward();
    optimizer.step();
  }
}
