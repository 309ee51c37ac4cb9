//===- bench/probe_vs_libtorch.cpp - One training step, probe vs LibTorch -===//
//
// Times one training step (zero_grad, forward, mse loss, backward, Adam
// step) of the same ReLU MLPs, batch 64, in the probe and in LibTorch on the
// CPU (both single-threaded), and prints medians and their ratio, all
// measured in one run.
//
//===----------------------------------------------------------------------===//

#include "runtime/Lowering.h"
#include "runtime/losses/Loss.h"
#include "runtime/optimizers/Optimizer.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace gradlint;
using namespace gradlint::probe;

template <typename F> double medianSeconds(F Step, int Reps) {
  for (int I = 0; I < 3; ++I)
    Step();
  std::vector<double> T;
  for (int I = 0; I < Reps; ++I) {
    auto S = std::chrono::steady_clock::now();
    Step();
    T.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - S).count());
  }
  std::sort(T.begin(), T.end());
  return T[T.size() / 2];
}

int main() {
  torch::set_num_threads(1);
  const int64_t Batch = 64;
  std::vector<std::vector<int64_t>> Sizes = {
      {10, 10, 1}, {10, 64, 64, 1}, {100, 256, 256, 10}, {784, 512, 512, 10}, {1000, 700, 700, 10}};
  std::printf("%-22s %10s %12s %12s %8s\n", "mlp (batch 64)", "params", "probe us",
              "libtorch us", "ratio");
  for (const auto &S : Sizes) {
    ir::Model M;
    M.Name = "bench";
    M.ChainKnown = true;
    torch::nn::Sequential T;
    for (size_t I = 0; I + 1 < S.size(); ++I) {
      ir::Layer L;
      L.Kind = ir::LayerKind::Linear;
      L.In = S[I];
      L.Out = S[I + 1];
      M.Chain.push_back(L);
      T->push_back(torch::nn::Linear(S[I], S[I + 1]));
      if (I + 2 < S.size()) {
        ir::Layer A;
        A.Kind = ir::LayerKind::Activation;
        A.Act = ir::ActivationKind::ReLU;
        M.Chain.push_back(A);
        T->push_back(torch::nn::ReLU());
      }
    }
    std::mt19937 Rng(1);
    auto Net = std::move(*lower(M, std::nullopt, {}, Rng));
    auto Loss = makeLoss(ir::LossKind::MSE);
    auto Opt = makeOptimizer(OptimizerConfig());
    std::vector<Param *> Params = Net->params();
    Mat X = Mat::Random(Batch, S.front()), Y = Mat::Random(Batch, S.back());
    double Probe = medianSeconds(
        [&] {
          Net->zeroGrad();
          const Mat &Out = Net->forward(X, true, Rng);
          Loss->forward(Out, Y);
          Mat D;
          Loss->backward(D);
          Net->backward(D);
          Opt->step(Params);
        },
        30);
    torch::optim::Adam TO(T->parameters(), torch::optim::AdamOptions(1e-3));
    torch::Tensor TX = torch::rand({Batch, S.front()}), TY = torch::rand({Batch, S.back()});
    double Torch = medianSeconds(
        [&] {
          TO.zero_grad();
          torch::Tensor L = torch::mse_loss(T->forward(TX), TY);
          L.backward();
          TO.step();
        },
        30);
    std::string Name;
    for (size_t I = 0; I < S.size(); ++I)
      Name += (I ? "-" : "") + std::to_string(S[I]);
    std::printf("%-22s %10lld %12.1f %12.1f %8.2f\n", Name.c_str(),
                (long long)Net->parameterCount(), 1e6 * Probe, 1e6 * Torch, Probe / Torch);
  }
  return 0;
}
