#pragma once
namespace config {
constexpr double LearningRate = 1e-10;
const double Momentum = 0.5;
} // namespace config
