// API coverage: torch::optim (optimizers, options, param groups,
// schedulers), torch::data (datasets, transforms, samplers, loaders),
// serialization and TorchScript loading — written from the LibTorch C++
// frontend docs, the MNIST and DCGAN examples and the custom-dataset
// tutorials.
#include <torch/data/datasets/base.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <vector>

// torch/data/datasets/base.h: a custom dataset, as the tutorials write it.
class CustomDataset : public torch::data::datasets::Dataset<CustomDataset> {
public:
  explicit CustomDataset(std::vector<torch::Tensor> xs) : xs_(std::move(xs)) {}
  torch::data::Example<> get(size_t index) override {
    return {xs_[index], torch::tensor(static_cast<int64_t>(index % 2))};
  }
  torch::optional<size_t> size() const override { return xs_.size(); }

private:
  std::vector<torch::Tensor> xs_;
};

class PairDataset : public torch::data::Dataset<PairDataset, torch::data::Example<torch::Tensor, torch::Tensor>> {
public:
  torch::data::Example<torch::Tensor, torch::Tensor> get(size_t) override {
    return {torch::zeros({2}), torch::zeros({1})};
  }
  c10::optional<size_t> size() const override { return 4; }
};

int main() {
  torch::nn::Linear model(4, 2);
  torch::nn::Sequential seq(torch::nn::Linear(4, 4), torch::nn::ReLU());

  torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9).nesterov(true).weight_decay(1e-4).dampening(0));
  torch::optim::SGD sgd2(model->parameters(), /*lr=*/0.1);
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(2e-4).betas(std::make_tuple(0.5, 0.999)).eps(1e-8).amsgrad(false));
  torch::optim::AdamW adamw(seq->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
  torch::optim::RMSprop rms(model->parameters(), torch::optim::RMSpropOptions(0.01).alpha(0.99).centered(true));
  torch::optim::Adagrad adagrad(model->parameters(), torch::optim::AdagradOptions(0.01).lr_decay(0));
  torch::optim::LBFGS lbfgs(model->parameters(), torch::optim::LBFGSOptions(1).max_iter(20).history_size(10));

  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(model->parameters(), std::make_unique<torch::optim::AdamOptions>(1e-3));
  groups.emplace_back(seq->parameters());
  torch::optim::Adam grouped(groups, torch::optim::AdamOptions(1e-4));
  grouped.add_param_group(torch::optim::OptimizerParamGroup(seq->parameters()));
  for (auto &group : grouped.param_groups()) {
    auto &opts = static_cast<torch::optim::AdamOptions &>(group.options());
    opts.lr(opts.lr() * 0.5);
    group.options().set_lr(group.options().get_lr() * 0.5);
    std::cout << group.params().size() << std::endl;
  }
  auto &defaults = static_cast<torch::optim::SGDOptions &>(sgd.defaults());
  defaults.lr(0.001);
  torch::optim::OptimizerOptions &base = sgd.param_groups()[0].options();
  std::cout << base.get_lr() << std::endl;

  torch::optim::StepLR step_lr(sgd, /*step_size=*/10, /*gamma=*/0.1);
  for (int epoch = 0; epoch < 2; ++epoch) {
    sgd.zero_grad();
    auto loss = model->forward(torch::randn({3, 4})).pow(2).sum();
    loss.backward();
    sgd.step();
    adam.step();
    auto closure = [&] {
      lbfgs.zero_grad();
      auto l = model->forward(torch::randn({3, 4})).sum();
      l.backward();
      return l;
    };
    lbfgs.step(closure);
    step_lr.step();
  }
  std::cout << adam.parameters().size() << std::endl;

  // Data.
  auto mnist = torch::data::datasets::MNIST("./data", torch::data::datasets::MNIST::Mode::kTrain)
                   .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
                   .map(torch::data::transforms::Stack<>());
  const size_t dataset_size = mnist.size().value();
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(std::move(mnist), 64);
  for (auto &batch : *loader) {
    auto data = batch.data;
    auto target = batch.target;
    std::cout << data.sizes() << target.sizes() << std::endl;
  }
  auto custom = CustomDataset({torch::ones({2}), torch::zeros({2})}).map(torch::data::transforms::Stack<>());
  auto loader2 = torch::data::make_data_loader(
      std::move(custom), torch::data::DataLoaderOptions().batch_size(2).workers(2).drop_last(true));
  for (torch::data::Example<> &batch : *loader2)
    std::cout << batch.data << std::endl;
  auto random_loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
      PairDataset().map(torch::data::transforms::Stack<>()), 2);
  auto tensor_ds = torch::data::datasets::TensorDataset(torch::randn({4, 2}));
  torch::data::samplers::RandomSampler sampler(10);
  torch::data::samplers::SequentialSampler seq_sampler(10);
  auto lambda = torch::data::transforms::Lambda<torch::data::Example<>>([](torch::data::Example<> e) { return e; });
  (void)lambda;
  (void)tensor_ds;
  (void)random_loader;
  (void)sampler;
  (void)seq_sampler;

  // Serialization.
  torch::save(model, "model.pt");
  torch::load(model, "model.pt");
  torch::save(sgd, "optimizer.pt");
  torch::load(sgd, "optimizer.pt");
  torch::Tensor saved = torch::ones({2});
  torch::save(saved, "tensor.pt");
  torch::load(saved, "tensor.pt");
  std::vector<torch::Tensor> tensors = {saved};
  torch::save(tensors, "tensors.pt");
  torch::serialize::OutputArchive out;
  model->save(out);
  out.write("extra", saved);
  out.save_to("archive.pt");
  torch::serialize::InputArchive in;
  in.load_from("archive.pt");
  in.read("extra", saved);
  model->load(in);

  // TorchScript.
  torch::jit::script::Module module = torch::jit::load("traced.pt");
  torch::jit::Module module2 = torch::jit::load("traced.pt", torch::kCPU);
  std::vector<torch::jit::IValue> inputs;
  inputs.push_back(torch::ones({1, 3}));
  at::Tensor output = module.forward(inputs).toTensor();
  module.eval();
  module.to(torch::kCPU);
  std::cout << output << dataset_size << std::endl;
  return 0;
}
