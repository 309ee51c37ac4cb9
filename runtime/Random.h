//===- runtime/Random.h - Independent random streams -----------*- C++ -*-===//
//
// Every random draw of a probe run comes from a stream named by what it
// feeds ("data", "init:fc1.weight", "dropout"), derived from the run's seed.
// A counterfactual that changes one thing (drops one init, standardises the
// input) then leaves every other draw exactly as it was.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_RANDOM_H
#define GRADLINT_RUNTIME_RANDOM_H

#include <cstdint>
#include <random>
#include <string_view>

namespace gradlint::probe {

/// SplitMix64's finaliser: a well-mixed 64-bit value from any 64-bit value.
inline uint64_t mix64(uint64_t X) {
  X += 0x9e3779b97f4a7c15ull;
  X = (X ^ (X >> 30)) * 0xbf58476d1ce4e5b9ull;
  X = (X ^ (X >> 27)) * 0x94d049bb133111ebull;
  return X ^ (X >> 31);
}

/// The seed of stream \p Name under \p Base (FNV-1a of the name, mixed).
inline uint64_t streamSeed(uint64_t Base, std::string_view Name) {
  uint64_t H = 0xcbf29ce484222325ull;
  for (char C : Name)
    H = (H ^ uint64_t(static_cast<unsigned char>(C))) * 0x100000001b3ull;
  return mix64(Base ^ mix64(H));
}

/// A generator for stream \p Name under \p Base.
inline std::mt19937 stream(uint64_t Base, std::string_view Name) {
  uint64_t S = streamSeed(Base, Name);
  std::seed_seq Seq{uint32_t(S), uint32_t(S >> 32)};
  return std::mt19937(Seq);
}

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_RANDOM_H
