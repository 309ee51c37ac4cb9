// API coverage: tensors, factories, autograd, devices, indexing — uses
// written from the LibTorch C++ docs ("Tensor Basics", "Tensor Creation
// API", "Tensor Indexing API", "Autograd in C++ Frontend").
#include <torch/torch.h>

#include <iostream>
#include <vector>

using namespace torch::indexing;

int main() {
  torch::manual_seed(1);
  torch::Tensor a = torch::eye(3);
  torch::Tensor b = torch::ones({2, 3}, torch::dtype(torch::kFloat32).requires_grad(true));
  torch::Tensor c = torch::zeros({2, 3}, torch::TensorOptions().dtype(torch::kFloat64));
  auto d = torch::randn({3, 4});
  auto e = torch::rand({3, 4}, torch::kFloat);
  auto f = torch::randint(0, 10, {5});
  auto g = torch::randint(10, {2, 2}, torch::kLong);
  auto h = torch::full({2, 2}, 7.5);
  auto i = torch::arange(0, 10, 2);
  auto j = torch::linspace(0, 1, 11);
  auto k = torch::empty({4});
  auto l = torch::tensor({1.0, 2.0, 3.0});
  auto m = torch::tensor({{1, 2}, {3, 4}});
  auto n = torch::ones_like(d);
  auto o = torch::zeros_like(d);
  auto p = torch::randn_like(d);
  std::vector<float> buf(6, 1.0f);
  auto q = torch::from_blob(buf.data(), {2, 3});
  auto r = torch::from_blob(buf.data(), {2, 3}, torch::kFloat).clone();
  auto s = torch::logspace(0, 2, 3);
  auto t = torch::normal(0.0, 1.0, {2, 2});
  auto u = torch::randperm(5);

  // Arithmetic and reductions.
  auto v = (d + 1) * 2 - d / 3;
  v += d;
  v *= 0.5;
  auto w = d.matmul(e.t()) + torch::mm(d, e.transpose(0, 1));
  auto x = d.sum() + d.mean() + d.sum(1) .mean() + d.max() + d.min();
  auto y = std::get<0>(d.max(1));
  auto [vals, idx] = torch::max(d, 1);
  auto z = d.argmax(1) + d.argmin(1);
  auto pw = d.pow(2).sqrt().exp().log().abs().clamp(0, 1).clamp_min(0.1);
  auto cmp = (d > 0).to(torch::kFloat) * (d < 1) + d.eq(0) + d.ne(1) + d.ge(0);
  auto sel = torch::where(d > 0, d, torch::zeros_like(d));
  auto cat = torch::cat({d, e}, 0);
  auto cat2 = torch::cat({d, e}, /*dim=*/1);
  auto st = torch::stack({d, e});
  auto chunks = d.chunk(2, 0);
  auto splits = torch::split(d, 1, 0);
  auto nz = d.nonzero();
  auto srt = std::get<0>(d.sort(1, true));
  auto tk = d.topk(2);
  auto mm = torch::matmul(d, e.t());
  auto bmm = torch::bmm(d.unsqueeze(0), e.t().unsqueeze(0));
  auto ein = torch::einsum("ij,jk->ik", {d, e.t()});
  auto nrm = d.norm() + torch::norm(d) + d.std() + d.var();
  auto sm = torch::softmax(d, 1) + torch::log_softmax(d, 1) + d.softmax(-1);
  auto act = torch::relu(d) + torch::sigmoid(d) + torch::tanh(d) + d.relu() + d.sigmoid();
  auto loss = torch::mse_loss(d, e) + torch::nll_loss(torch::log_softmax(d, 1), f.slice(0, 0, 3)) +
              torch::binary_cross_entropy(torch::sigmoid(d), torch::rand({3, 4})) +
              torch::cross_entropy_loss(d, f.slice(0, 0, 3));
  auto drop = torch::dropout(d, 0.5, true);
  auto mx = torch::max_pool2d(d.view({1, 1, 3, 4}), 2);
  auto cl = torch::clamp(d, -1, 1);
  auto cumsum = d.cumsum(0) + torch::cumsum(d, 1);
  auto fl = torch::flatten(d) + d.flatten();
  auto any = d.any().item<bool>() || d.all().item<bool>();
  auto eq = torch::equal(d, d) && torch::allclose(d, d);
  auto isn = torch::isnan(d).any().item<bool>();

  // Shapes and views.
  auto sizes = d.sizes();
  int64_t rows = d.size(0);
  int64_t dims = d.dim();
  int64_t numel = d.numel();
  auto shaped = d.view({-1}).reshape({2, 6}).permute({1, 0}).contiguous();
  auto sq = d.unsqueeze(0).squeeze(0).squeeze();
  auto ex = l.expand({2, 3}).repeat({2, 1});
  auto narrowed = d.narrow(0, 0, 2).select(1, 0).index_select(0, torch::arange(2));
  auto gathered = d.gather(1, torch::zeros({3, 1}, torch::kLong));
  auto masked = d.masked_fill(d < 0, 0.0).masked_select(d > 0);
  std::cout << sizes << rows << dims << numel << std::endl;
  std::cout << d.sizes().size() << d.sizes()[0] << std::endl;

  // Element access.
  float first = d[0][0].item<float>();
  double asd = d.sum().item().toDouble();
  float* ptr = d.data_ptr<float>();
  auto acc = d.accessor<float, 2>();
  float a00 = acc[0][0];
  std::cout << first << asd << ptr << a00 << std::endl;

  // Indexing API.
  auto i0 = d.index({0});
  auto i1 = d.index({Slice(), 0});
  auto i2 = d.index({Slice(None, 2), Slice(1, None, 2)});
  auto i3 = d.index({"...", 0});
  auto i4 = d.index({Ellipsis, Slice()});
  auto i5 = d.index({torch::tensor({0, 2})});
  auto i6 = d.index({d > 0});
  d.index_put_({0, 0}, 1.0);
  d.index_put_({Slice(), 1}, torch::zeros({3}));
  d.index_put_({d < 0}, 0);

  // Types and devices.
  auto dt = d.dtype();
  auto st2 = d.scalar_type();
  bool isf = d.is_floating_point();
  torch::Device device(torch::kCPU);
  torch::Device cuda_device(torch::kCUDA, 0);
  torch::Device parsed("cuda:0");
  if (torch::cuda::is_available()) {
    device = torch::Device(torch::kCUDA);
    std::cout << torch::cuda::device_count() << std::endl;
  }
  torch::DeviceType dtype_cuda = torch::cuda::is_available() ? torch::kCUDA : torch::kCPU;
  auto on = d.to(device);
  auto on2 = d.to(dtype_cuda).to(torch::kFloat).to(device, torch::kDouble);
  auto cpu = d.cpu();
  bool cu = d.is_cuda();
  auto dev = d.device();
  auto dbl = d.toType(torch::kDouble).to(torch::kHalf).to(torch::kInt64).to(torch::kUInt8).to(torch::kBool);
  std::cout << dt << st2 << isf << cu << dev << std::endl;

  // Autograd.
  auto xg = torch::ones({2, 2}, torch::requires_grad());
  auto yg = xg + 2;
  std::cout << yg.grad_fn()->name() << std::endl;
  auto zg = yg * yg * 3;
  auto out = zg.mean();
  out.backward();
  std::cout << xg.grad() << std::endl;
  xg.grad().zero_();
  auto xd = xg.detach();
  xg.set_requires_grad(false);
  bool rg = xg.requires_grad();
  auto grads = torch::autograd::grad({out}, {xg}, /*grad_outputs=*/{}, /*retain_graph=*/true);
  torch::autograd::backward({out});
  {
    torch::NoGradGuard no_grad;
    xg.mul_(2);
  }
  {
    torch::AutoGradMode enable(false);
  }
  bool enabled = torch::GradMode::is_enabled();
  torch::GradMode::set_enabled(true);
  {
    c10::InferenceMode guard;
  }
  std::cout << xd << rg << enabled << std::endl;

  // In-place and misc.
  d.add_(1).mul_(2).sub_(e).div_(3).clamp_(0, 1).fill_(0).zero_().uniform_(0, 1).normal_(0, 1);
  d.copy_(e);
  torch::Tensor undefined;
  bool def = undefined.defined();
  std::cout << d << def << d.options() << std::endl;
  std::cout << a << b << c << g << h << i << j << k << m << n << o << p << q << r << s << t << u
            << v << w << x << y << vals << idx << z << pw << cmp << sel << cat << cat2 << st
            << chunks.size() << splits.size() << nz << srt << std::get<0>(tk) << mm << bmm << ein
            << nrm << sm << act << loss << drop << mx << cl << cumsum << fl << any << eq << isn
            << shaped << sq << ex << narrowed << gathered << masked << i0 << i1 << i2 << i3 << i4
            << i5 << i6 << on << on2 << cpu << dbl << grads.size() << std::endl;
  return 0;
}
