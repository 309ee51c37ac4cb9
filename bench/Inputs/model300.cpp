// A 300-line model file for timing gradlint: several module classes,
// Sequentials, initialisation and a training loop, as real code has.
#include <torch/torch.h>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct Block1Impl : nn::Module {
  Block1Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block1);

struct Block2Impl : nn::Module {
  Block2Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block2);

struct Block3Impl : nn::Module {
  Block3Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block3);

struct Block4Impl : nn::Module {
  Block4Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block4);

struct Block5Impl : nn::Module {
  Block5Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block5);

struct Block6Impl : nn::Module {
  Block6Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block6);

struct Block7Impl : nn::Module {
  Block7Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block7);

struct Block8Impl : nn::Module {
  Block8Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block8);

struct Block9Impl : nn::Module {
  Block9Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block9);

struct Block10Impl : nn::Module {
  Block10Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block10);

struct Block11Impl : nn::Module {
  Block11Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block11);

struct Block12Impl : nn::Module {
  Block12Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block12);

struct Block13Impl : nn::Module {
  Block13Impl(int64_t In, int64_t Out)
      : fc1(register_module("fc1", nn::Linear(In, Out))),
        fc2(register_module("fc2", nn::Linear(Out, Out))),
        norm(register_module("norm", nn::LayerNorm(nn::LayerNormOptions({Out})))) {
    nn::init::kaiming_uniform_(fc1->weight);
    nn::init::zeros_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor X) {
    auto H = torch::relu(fc1(X));
    H = F::dropout(H, F::DropoutFuncOptions().p(0.1).training(is_training()));
    return norm(H + fc2(H));
  }
  nn::Linear fc1, fc2;
  nn::LayerNorm norm;
};
TORCH_MODULE(Block13);

struct BigNetImpl : nn::Module {
  BigNetImpl() {
    b1 = register_module("b1", Block1(64, 64));
    b2 = register_module("b2", Block2(64, 64));
    b3 = register_module("b3", Block3(64, 64));
    b4 = register_module("b4", Block4(64, 64));
    b5 = register_module("b5", Block5(64, 64));
    b6 = register_module("b6", Block6(64, 64));
    b7 = register_module("b7", Block7(64, 64));
    b8 = register_module("b8", Block8(64, 64));
    b9 = register_module("b9", Block9(64, 64));
    b10 = register_module("b10", Block10(64, 64));
    b11 = register_module("b11", Block11(64, 64));
    b12 = register_module("b12", Block12(64, 64));
    b13 = register_module("b13", Block13(64, 64));
    head = register_module("head", nn::Sequential(nn::Linear(64, 32), nn::ReLU(), nn::Linear(32, 10)));
  }
  torch::Tensor forward(torch::Tensor X) {
    X = b1(X);
    X = b2(X);
    X = b3(X);
    X = b4(X);
    X = b5(X);
    X = b6(X);
    X = b7(X);
    X = b8(X);
    X = b9(X);
    X = b10(X);
    X = b11(X);
    X = b12(X);
    X = b13(X);
    return head->forward(X);
  }
  Block1 b1{nullptr};
  Block2 b2{nullptr};
  Block3 b3{nullptr};
  Block4 b4{nullptr};
  Block5 b5{nullptr};
  Block6 b6{nullptr};
  Block7 b7{nullptr};
  Block8 b8{nullptr};
  Block9 b9{nullptr};
  Block10 b10{nullptr};
  Block11 b11{nullptr};
  Block12 b12{nullptr};
  Block13 b13{nullptr};
  nn::Sequential head{nullptr};
};
TORCH_MODULE(BigNet);

int main() {
  BigNet Model;
  torch::optim::AdamW Optimizer(Model->parameters(), torch::optim::AdamWOptions(3e-4).weight_decay(1e-2));
  auto X = torch::randn({256, 64});
  auto Y = torch::randint(0, 10, {256});
  for (int Epoch = 0; Epoch < 20; ++Epoch) {
    Model->train();
    Optimizer.zero_grad();
    auto Loss = F::cross_entropy(Model->forward(X), Y);
    Loss.backward();
    torch::nn::utils::clip_grad_norm_(Model->parameters(), 1.0);
    Optimizer.step();
  }
}
