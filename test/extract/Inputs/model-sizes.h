// Sizes of the model in a header, as projects keep them.
#pragma once
#include <cstdint>

namespace sizes {
constexpr int64_t kHidden = 48;
const int kOut = 3;
} // namespace sizes
