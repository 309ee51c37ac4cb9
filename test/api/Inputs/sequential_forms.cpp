// Sequential in every construction form, Functional wrappers, init by apply().
#include <torch/torch.h>

#include <typeinfo>

using namespace torch;

torch::Tensor twice(torch::Tensor X) { return X * 2; }

nn::Sequential makeStack(int64_t Depth) {
  nn::Sequential S;
  for (int64_t I = 0; I < Depth; ++I) {
    S->push_back(nn::Linear(8, 8));
    S->push_back(nn::Sigmoid());
  }
  S->push_back("head", nn::Linear(8, 1));
  S->push_back(nn::Functional(torch::tanh));
  return S;
}

struct DeepSeqImpl : nn::SequentialImpl {
  DeepSeqImpl() {
    push_back(nn::Linear(4, 4));
    push_back(nn::ReLU());
  }
  torch::Tensor forward(torch::Tensor X) { return nn::SequentialImpl::forward(X); }
};
TORCH_MODULE(DeepSeq);

void initWeights(nn::Module &M) {
  torch::NoGradGuard NoGrad;
  if (auto *L = M.as<nn::Linear>()) {
    nn::init::xavier_uniform_(L->weight);
    nn::init::constant_(L->bias, 0.01);
  } else if (auto *C = dynamic_cast<nn::Conv2dImpl *>(&M)) {
    nn::init::kaiming_normal_(C->weight, 0.0, torch::kFanOut, torch::kReLU);
    nn::init::zeros_(C->bias);
  } else if (typeid(M) == typeid(nn::BatchNorm2dImpl)) {
    auto &B = dynamic_cast<nn::BatchNorm2dImpl &>(M);
    nn::init::ones_(B.weight);
    B.bias.data().zero_();
  }
}

int main() {
  nn::Sequential A(nn::Linear(784, 64), nn::ReLU(), nn::Dropout(0.2),
                   nn::Linear(64, 10), nn::LogSoftmax(1));
  nn::Sequential B{nn::Linear(3, 3), nn::Tanh(), nn::Linear(3, 1), nn::Sigmoid()};
  nn::Sequential C({{"conv1", nn::Conv2d(nn::Conv2dOptions(1, 8, 3))},
                    {"bn1", nn::BatchNorm2d(8)},
                    {"act1", nn::ReLU(nn::ReLUOptions().inplace(true))},
                    {"flat", nn::Flatten()},
                    {"fc", nn::Linear(8 * 26 * 26, 10)},
                    {"out", nn::Softmax(nn::SoftmaxOptions(1))}});
  nn::Sequential D(nn::Linear(2, 2), nn::Functional(torch::relu),
                   nn::Functional([](torch::Tensor X) { return torch::sigmoid(X); }),
                   nn::Functional(twice), nn::Functional(torch::leaky_relu, 0.1),
                   nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)),
                   nn::ELU(), nn::GELU(), nn::SiLU(), nn::ReLU6(), nn::Softplus(),
                   nn::Hardtanh(nn::HardtanhOptions().min_val(-2).max_val(2)),
                   nn::Identity(), nn::PReLU());
  nn::Sequential E = makeStack(3);
  E->push_back(std::make_shared<nn::LinearImpl>(1, 1));
  E->push_back("named_ptr", std::make_shared<nn::ReLUImpl>());
  DeepSeq F;

  A->apply(initWeights);
  C->apply([](nn::Module &M) {
    if (auto *L = M.as<nn::LinearImpl>())
      L->weight.data().normal_(0.0, 0.02);
  });
  B->apply([](const std::string &Name, nn::Module &M) { (void)Name; (void)M; });

  {
    torch::NoGradGuard Guard;
    for (auto &P : D->named_parameters()) {
      if (P.key().find("weight") != std::string::npos)
        P.value().data().normal_(0, 0.01);
      else
        P.value().fill_(0);
    }
    for (auto &P : E->parameters())
      P.uniform_(-0.1, 0.1);
  }

  torch::Tensor X = torch::rand({5, 784});
  auto Y = A->forward(X);
  auto Z = A->forward<torch::Tensor>(X);
  auto W = B->forward(torch::rand({1, 3}));
  std::cout << A->size() << Y.sizes() << Z.dim() << W << std::endl;
  std::shared_ptr<nn::Module> First = A[0];
  auto FirstLinear = A->ptr<nn::LinearImpl>(0);
  nn::LinearImpl &Ref = A->at<nn::LinearImpl>(0);
  (void)First;
  (void)FirstLinear;
  (void)Ref;
  for (auto &Child : *A)
    (void)Child.ptr();
  nn::ModuleList L(nn::Linear(1, 1), nn::ReLU());
  L->push_back(nn::Linear(1, 1));
  for (auto &M : *L)
    (void)M;
  return F->size() == 2 ? 0 : 1;
}
