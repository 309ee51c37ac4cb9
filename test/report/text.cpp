// Text output: clang's format — the finding, its source line and a caret,
// each note with its line, and the probe's verdict as a note.
// RUN: not %gradlint --probe-steps=20 --checks='-*,gradlint-tiny-learning-rate' %s -- -std=c++17 -I%api > %t 2>&1
// RUN: FileCheck %s --match-full-lines --strict-whitespace < %t
#include <torch/torch.h>

void train(torch::Tensor X, torch::Tensor Y) {
  torch::nn::Sequential Model(torch::nn::Linear(4, 1));
  torch::optim::SGD Opt(Model->parameters(), 1e-9);
  for (int I = 0; I < 10; ++I) {
    Opt.zero_grad();
    torch::mse_loss(Model->forward(X), Y).backward();
    Opt.step();
  }
}
// CHECK:{{.*}}text.cpp:9:46: warning: learning rate 1e-9 is below 1e-6{{.*}} [gradlint-tiny-learning-rate]
// CHECK-NEXT:  torch::optim::SGD Opt(Model->parameters(), 1e-9);
// CHECK-NEXT:                                             ^
// CHECK-NEXT:{{.*}}text.cpp:9:46: note: probe: {{confirmed|not confirmed|inconclusive|not probed}}{{.*}}
// CHECK-NOT: {{.}}

// Notes carry their own source line and caret.
// RUN: not %gradlint --no-probe --checks='-*,gradlint-saturating-stack' %S/Inputs/sigmoids.cpp -- -std=c++17 -I%api | FileCheck %s --check-prefix=NOTES --match-full-lines --strict-whitespace
// NOTES:{{.*}}sigmoids.cpp:5:{{[0-9]+}}: warning: {{.*}} [gradlint-saturating-stack]
// NOTES-NEXT:    torch::nn::Sigmoid(),
// NOTES-NEXT:    ^
// NOTES-NEXT:{{.*}}sigmoids.cpp:7:5: note: {{.*}}
// NOTES-NEXT:    torch::nn::Sigmoid(),
// NOTES-NEXT:    ^

// -o writes the report to a file, stdout stays empty.
// RUN: not %gradlint --no-probe -o %t.o --checks='-*,gradlint-tiny-learning-rate' %s -- -std=c++17 -I%api | count 0
// RUN: FileCheck %s --check-prefix=FILE < %t.o
// FILE: text.cpp:9:46: warning: learning rate 1e-9
