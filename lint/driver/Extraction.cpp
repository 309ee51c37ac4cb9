//===- lint/driver/Extraction.cpp - The extract phase of a run ------------===//

#include "lint/driver/Extraction.h"

#include "lint/driver/Progress.h"
#include "lint/driver/ResultCache.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace gradlint::lint {

std::vector<FileResult> extractFiles(const std::vector<FileCommand> &Commands,
                                     const std::vector<std::string> &Names,
                                     const ExtractSettings &S) {
  std::vector<FileResult> Results(Commands.size());
  Progress Line(llvm::errs(), S.Progress, Commands.size());
  auto One = [&](size_t I) {
    Line.started(Names[I]);
    std::optional<FileResult> Cached = S.Cache->lookup(Commands[I]);
    if (Cached) {
      Results[I] = std::move(*Cached);
    } else {
      auto Started = std::chrono::system_clock::now();
      // The PCH only now: a cached result needs none.
      FileCommand C = Commands[I];
      addPch(C);
      Results[I] = analyseFile(C);
      S.Cache->store(C, Results[I], Started);
    }
    if (S.Verbose)
      Line.message("gradlint: " + Names[I] +
                   (Cached ? ": facts from cache\n" : ": parsed\n"));
    Line.finished();
  };
  unsigned N = std::min<size_t>(std::max(S.Jobs, 1u), Commands.size());
  if (N <= 1) {
    for (size_t I = 0; I < Commands.size(); ++I)
      One(I);
  } else {
    // Each worker takes the next file; each parse has its own ClangTool.
    std::atomic<size_t> Next{0};
    std::vector<std::thread> Workers;
    for (unsigned W = 0; W < N; ++W)
      Workers.emplace_back([&] {
        for (size_t I = Next++; I < Commands.size(); I = Next++)
          One(I);
      });
    for (std::thread &T : Workers)
      T.join();
  }
  Line.clear();
  return Results;
}

} // namespace gradlint::lint
