// A Module subclass registering submodules in every form.
#include <torch/torch.h>

struct MLP : torch::nn::Module {
  MLP(int64_t In, int64_t Hidden, int64_t Out)
      : fc2(register_module("fc2", torch::nn::Linear(Hidden, Hidden))) {
    // Prebuilt member registered by holder.
    fc1 = torch::nn::Linear(torch::nn::LinearOptions(In, Hidden).bias(false));
    register_module("fc1", fc1);
    // Assigned from the call (returns std::shared_ptr<LinearImpl>).
    std::shared_ptr<torch::nn::LinearImpl> Raw =
        register_module("fc3", std::make_shared<torch::nn::LinearImpl>(Hidden, Out));
    fc3 = torch::nn::Linear(Raw);
    for (int I = 0; I < 2; ++I)
      Extra.push_back(register_module("extra" + std::to_string(I),
                                      torch::nn::Linear(Out, Out)));
    Scale = register_parameter("scale", torch::ones({Out}));
    register_buffer("mask", torch::zeros({Out}));
  }
  torch::Tensor forward(torch::Tensor X) {
    X = torch::relu(fc1->forward(X));
    X = torch::sigmoid(fc2(X));
    X = fc3(X).tanh();
    for (auto &L : Extra)
      X = L->forward(X);
    return X * Scale;
  }
  torch::nn::Linear fc1{nullptr}, fc2, fc3{nullptr};
  std::vector<std::shared_ptr<torch::nn::LinearImpl>> Extra;
  torch::Tensor Scale;
};

int main() {
  auto Net = std::make_shared<MLP>(4, 8, 2);
  MLP Direct(4, 8, 2);
  torch::Tensor Y = Net->forward(torch::randn({3, 4}));
  std::cout << Y << std::endl;
  for (const auto &P : Net->named_parameters())
    std::cout << P.key() << " " << P.value().sizes() << "\n";
  for (auto &M : Net->modules(/*include_self=*/false))
    if (auto *L = M->as<torch::nn::Linear>())
      torch::nn::init::zeros_(L->bias);
  for (auto &C : Net->children())
    (void)C->name();
  Net->train();
  Net->eval();
  bool T = Net->is_training();
  (void)T;
  Net->zero_grad();
  Net->to(torch::kCPU);
  Net->to(torch::Device(torch::kCPU), torch::kFloat);
  Net->pretty_print(std::cout);
  return Direct.parameters().size() > 0 ? 0 : 1;
}
