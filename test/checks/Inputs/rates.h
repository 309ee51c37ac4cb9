// Learning rates in a header, as projects keep them.
#ifndef GRADLINT_TEST_CHECKS_INPUTS_RATES_H
#define GRADLINT_TEST_CHECKS_INPUTS_RATES_H

namespace config {
constexpr double kLearningRate = 1e-3;
constexpr double kTinyRate = 1e-9;
} // namespace config

#endif
