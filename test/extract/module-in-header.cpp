// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Models defined in a project header are read like those in the file, at
// their place in the header; a `std::shared_ptr<Impl>` member built with
// make_shared and registered is a registered submodule whose chain is its
// class's.
#include "Inputs/dqn-net.h"

int main() {
  auto policy = std::make_shared<rl::DQNImpl>(4, 2);
  rl::DQN target(4, 2);
  return policy->forward(torch::zeros({1, 4})).size(0) == 1 ? 0 : 1;
}

// CHECK:       "kind": "linear",
// CHECK:       "name": "value",
// CHECK:       "kind": "residual",
// CHECK:       "file": "{{.*}}Inputs{{/|\\\\}}dqn-net.h",
// CHECK:       "name": "rl::DuelingHead"
// CHECK:       "chain": [
// CHECK:       "kind": "linear",
// CHECK:       "name": "fc",
// CHECK:       "module_class": "rl::DuelingHead",
// CHECK-NEXT:  "name": "head",
// CHECK:       "members": [
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK:       "name": "head",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK:       "name": "rl::DQN"
