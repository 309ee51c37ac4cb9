// Optimizers and their options, losses as free functions and modules,
// schedules, the training step, data loading, autograd modes.
#include <torch/torch.h>

namespace F = torch::nn::functional;

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 64));
    fc2 = register_module("fc2", torch::nn::Linear(64, 10));
  }
  torch::Tensor forward(torch::Tensor X) {
    X = torch::relu(fc1->forward(X.reshape({X.size(0), 784})));
    X = torch::dropout(X, /*p=*/0.5, /*train=*/is_training());
    return torch::log_softmax(fc2->forward(X), /*dim=*/1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

constexpr double kLearningRate = 0.01;
#define MOMENTUM 0.9

int main(int Argc, char **Argv) {
  torch::manual_seed(1);
  torch::Device Device = torch::cuda::is_available() ? torch::kCUDA : torch::kCPU;
  auto Model = std::make_shared<Net>();
  Model->to(Device);

  torch::optim::SGD Sgd(Model->parameters(), torch::optim::SGDOptions(kLearningRate)
                                                  .momentum(MOMENTUM)
                                                  .dampening(0)
                                                  .weight_decay(1e-4)
                                                  .nesterov(true));
  torch::optim::SGD SgdPlain(Model->parameters(), 0.1);
  torch::optim::Adam Adam(Model->parameters(),
                          torch::optim::AdamOptions(1e-3).betas({0.9, 0.999}).eps(1e-8).amsgrad(false));
  torch::optim::Adam AdamDefault(Model->parameters());
  torch::optim::AdamW AdamW(Model->parameters(), torch::optim::AdamWOptions().lr(1e-3).weight_decay(0.01));
  torch::optim::RMSprop Rms(Model->parameters(),
                            torch::optim::RMSpropOptions(1e-2).alpha(0.99).centered(true).momentum(0.5));
  torch::optim::Adagrad Ada(Model->parameters(), torch::optim::AdagradOptions(0.01).lr_decay(0));
  torch::optim::LBFGS Lbfgs(Model->parameters(), torch::optim::LBFGSOptions(1).max_iter(20));
  std::vector<torch::optim::OptimizerParamGroup> Groups;
  Groups.emplace_back(Model->fc1->parameters());
  torch::optim::Adam Grouped(Groups, torch::optim::AdamOptions(3e-4));
  torch::optim::StepLR Scheduler(Adam, /*step_size=*/10, /*gamma=*/0.5);
  double Lr = Argc > 1 ? std::atof(Argv[1]) : 0.1;
  torch::optim::SGD FromArgv(Model->parameters(), torch::optim::SGDOptions(Lr));

  auto Dataset = torch::data::datasets::MNIST("./data")
                     .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
                     .map(torch::data::transforms::Stack<>());
  const size_t DatasetSize = Dataset.size().value();
  auto Loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(Dataset), torch::data::DataLoaderOptions().batch_size(64).workers(2));

  torch::nn::CrossEntropyLoss Criterion;
  torch::nn::MSELoss Mse(torch::nn::MSELossOptions().reduction(torch::kSum));
  torch::nn::BCEWithLogitsLoss Bce;
  torch::nn::NLLLoss Nll(torch::nn::NLLLossOptions().ignore_index(-1));
  torch::nn::L1Loss L1;
  torch::nn::SmoothL1Loss Smooth;
  torch::nn::HuberLoss Huber(torch::nn::HuberLossOptions().delta(0.5));
  torch::nn::BCELoss BceProb;
  torch::nn::KLDivLoss Kl(torch::nn::KLDivLossOptions().reduction(torch::kBatchMean));

  for (size_t Epoch = 1; Epoch <= 10; ++Epoch) {
    Model->train();
    for (auto &Batch : *Loader) {
      auto Data = Batch.data.to(Device), Target = Batch.target.to(Device);
      Sgd.zero_grad();
      auto Output = Model->forward(Data);
      auto Loss = torch::nll_loss(Output, Target);
      Loss.backward();
      torch::nn::utils::clip_grad_norm_(Model->parameters(), 1.0);
      torch::nn::utils::clip_grad_value_(Model->parameters(), 0.5);
      Sgd.step();
      std::printf("%zu %.4f\n", Epoch, Loss.item<float>());
      auto L2 = Criterion(Output, Target) + Nll(Output, Target) +
                F::cross_entropy(Output, Target) +
                F::nll_loss(Output, Target, F::NLLLossFuncOptions().reduction(torch::kMean)) +
                torch::mse_loss(Output.exp(), torch::zeros_like(Output)) +
                F::mse_loss(Output, torch::ones_like(Output)) + Mse(Output, Output.detach()) +
                L1(Output, Output) + Smooth(Output, Output) + Huber(Output, Output) +
                F::smooth_l1_loss(Output, Output) + F::l1_loss(Output, Output) +
                F::binary_cross_entropy(torch::sigmoid(Output), torch::rand_like(Output)) +
                torch::binary_cross_entropy(Output.sigmoid(), torch::rand_like(Output)) +
                F::binary_cross_entropy_with_logits(Output, torch::rand_like(Output)) +
                Bce(Output, Output) + BceProb(Output.sigmoid(), Output) +
                F::kl_div(Output, Output, F::KLDivFuncOptions().reduction(torch::kBatchMean)) +
                Kl(Output, Output);
      L2.backward();
      Adam.step();
      auto Pred = Output.argmax(1);
      int64_t Correct = Pred.eq(Target).sum().item<int64_t>();
      (void)Correct;
    }
    Scheduler.step();
    for (auto &Group : Adam.param_groups())
      Group.options().set_lr(Group.options().get_lr() * 0.5);
    static_cast<torch::optim::SGDOptions &>(Sgd.param_groups()[0].options()).lr(0.001);
    auto &Opts = static_cast<torch::optim::AdamOptions &>(Adam.param_groups()[0].options());
    Opts.lr(Opts.lr() * 0.1);
  }

  Model->eval();
  {
    torch::NoGradGuard NoGrad;
    torch::InferenceMode Guard;
    c10::InferenceMode Guard2(true);
    torch::AutoGradMode Enable(false);
    at::AutoGradMode Enable2(true);
    torch::GradMode::set_enabled(false);
    bool On = at::GradMode::is_enabled();
    (void)On;
    auto Probe = torch::rand({1, 1, 28, 28}, torch::TensorOptions().dtype(torch::kFloat).device(Device));
    auto T = torch::tensor({1.0, 2.0, 3.0}, torch::dtype(torch::kFloat32).requires_grad(true));
    auto Idx = torch::randint(0, 10, {4}, torch::kLong);
    auto Ar = torch::arange(0, 10, 1);
    auto Ls = torch::linspace(0, 1, 5);
    auto Em = torch::empty({2, 2});
    auto Cat = torch::cat({Probe.flatten(), Probe.flatten()}, 0);
    auto St = torch::stack({T, T});
    auto Mx = torch::max(St, 1);
    auto Sm = torch::softmax(St, 1);
    auto Th = torch::tanh(St) + 1.0 - 2 * St / 3.0;
    auto Ch = St.clamp(0, 1).clamp_min(0).pow(2).sqrt().abs().mean().std();
    auto Mm = St.t().matmul(St).mm(St.t());
    auto Sq = St.unsqueeze(0).squeeze(0).narrow(0, 0, 1).slice(1, 0, 2).index_select(0, torch::zeros({1}, torch::kLong));
    St.requires_grad_(true);
    St.set_requires_grad(false);
    auto G = St.grad();
    St.detach_();
    auto Mn = St.min();
    float V = St.sum().item<float>();
    double V2 = St.sum().item().toDouble();
    std::cout << Model->forward(Probe) << Idx << Ar << Ls << Em << Cat << std::get<0>(Mx) << Sm
              << Th << Ch << Mm << Sq << G << Mn << V << V2 << T.sizes() << std::endl;
  }
  torch::save(Model, "model.pt");
  torch::load(Model, "model.pt");
  return DatasetSize > 0 ? 0 : 1;
}
