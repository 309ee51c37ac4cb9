// A classifier whose loss call squashes the logits twice; the comment
// under the loss call has markup that the report must show as text.
#include <torch/torch.h>

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(8, 16));
    fc2 = register_module("fc2", torch::nn::Linear(16, 4));
  }
  torch::Tensor forward(torch::Tensor X) {
    return fc2->forward(torch::relu(fc1->forward(X)));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Classifier);

int main() {
  Classifier Model;
  torch::optim::SGD Optimizer(Model->parameters(), torch::optim::SGDOptions(0.1));
  auto X = torch::randn({64, 8});
  auto Y = torch::randint(0, 4, {64});
  for (int Step = 0; Step < 50; ++Step) {
    Optimizer.zero_grad();
    auto Loss = torch::nn::functional::cross_entropy(torch::softmax(Model->forward(X), 1), Y);
    // <script>alert("not run")</script> & <b>not bold</b>
    Loss.backward();
    Optimizer.step();
  }
}
