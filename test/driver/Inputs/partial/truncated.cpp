struct Net : torch::nn::Module {
  Net() {
    fc = register_module("fc", torch::nn::Linear(