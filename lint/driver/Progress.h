//===- lint/driver/Progress.h - A progress line on stderr ------*- C++ -*-===//
//
// `[done/total] current-file` on stderr, redrawn in place with \r, for runs
// long enough to wonder about (over two seconds) when stderr is a terminal;
// cleared at the end so the report starts on a clean line. Never on stdout.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PROGRESS_H
#define GRADLINT_LINT_DRIVER_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace llvm {
class raw_ostream;
}

namespace gradlint::lint {

/// The text of the line, at most \p Width - 1 columns (the last column of
/// a terminal wraps): "[3/120] src/models/net.cpp", the file's path cut
/// from the left ("[3/120] ...dels/net.cpp") when it does not fit.
std::string progressText(size_t Done, size_t Total, llvm::StringRef File,
                         size_t Width);

/// The line; thread-safe. Draws nothing unless \p Enabled, and nothing
/// before \p Delay has passed since it was made.
class Progress {
public:
  Progress(llvm::raw_ostream &OS, bool Enabled, size_t Total,
           std::chrono::milliseconds Delay = std::chrono::seconds(2));
  ~Progress();

  /// A file started (shown as the current one).
  void started(llvm::StringRef File);
  /// A file finished.
  void finished();
  /// Prints \p Line (ending in a newline) above the progress line.
  void message(llvm::StringRef Line);
  /// Erases the line; it is redrawn on the next update.
  void clear();

  /// Whether stderr is a terminal and the user did not ask for quiet.
  static bool wanted(bool Quiet);

private:
  void draw();
  void erase();

  llvm::raw_ostream &OS;
  bool Enabled;
  size_t Total;
  size_t Done = 0;
  std::string Current;
  std::chrono::steady_clock::time_point Start;
  std::chrono::milliseconds Delay;
  size_t Drawn = 0; ///< columns on screen, 0 when nothing is
  std::mutex Lock;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PROGRESS_H
