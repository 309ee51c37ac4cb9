//===- lint/driver/Shard.cpp - Stable slices of a file list ---------------===//

#include "lint/driver/Shard.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <numeric>

namespace gradlint::lint {

namespace path = llvm::sys::path;

std::string relativePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallVector<llvm::StringRef, 16> P(path::begin(Path), path::end(Path));
  llvm::SmallVector<llvm::StringRef, 16> B(path::begin(Base), path::end(Base));
  size_t Common = 0;
  while (Common < P.size() && Common < B.size() && P[Common] == B[Common])
    ++Common;
  llvm::SmallString<256> Out;
  for (size_t I = Common; I < B.size(); ++I)
    path::append(Out, "..");
  for (size_t I = Common; I < P.size(); ++I)
    path::append(Out, P[I]);
  return Out.empty() ? "." : std::string(Out);
}

std::vector<size_t> shardSlice(const std::vector<std::string> &Files,
                               llvm::StringRef Base, unsigned K, unsigned N) {
  std::vector<std::string> Keys;
  for (const std::string &F : Files)
    Keys.push_back(relativePath(F, Base));
  std::vector<size_t> Order(Files.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Keys[A] < Keys[B]; });
  std::vector<size_t> Mine;
  for (size_t I = 0; I < Order.size(); ++I)
    if (I % N == K - 1)
      Mine.push_back(Order[I]);
  std::sort(Mine.begin(), Mine.end());
  return Mine;
}

std::string factsFileName(llvm::StringRef AbsolutePath) {
  std::string H = llvm::utohexstr(llvm::xxh3_64bits(AbsolutePath),
                                  /*LowerCase=*/true);
  return std::string(16 - H.size(), '0') + H + ".facts.json";
}

} // namespace gradlint::lint
