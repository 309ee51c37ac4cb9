//===- lint/driver/Progress.cpp - A progress line on stderr ---------------===//

#include "lint/driver/Progress.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace gradlint::lint {

std::string progressText(size_t Done, size_t Total, llvm::StringRef File,
                         size_t Width) {
  std::string Head =
      "[" + std::to_string(Done) + "/" + std::to_string(Total) + "]";
  size_t Room = Width > 1 ? Width - 1 : 0;
  if (Head.size() >= Room)
    return Head.substr(0, Room);
  if (File.empty())
    return Head;
  size_t ForFile = Room - Head.size() - 1; // one space
  if (File.size() <= ForFile)
    return Head + " " + File.str();
  if (ForFile <= 3)
    return Head;
  return Head + " ..." + File.take_back(ForFile - 3).str();
}

Progress::Progress(llvm::raw_ostream &OS, bool Enabled, size_t Total,
                   std::chrono::milliseconds Delay)
    : OS(OS), Enabled(Enabled), Total(Total),
      Start(std::chrono::steady_clock::now()), Delay(Delay) {}

Progress::~Progress() { clear(); }

bool Progress::wanted(bool Quiet) {
  return !Quiet && llvm::sys::Process::StandardErrIsDisplayed();
}

void Progress::started(llvm::StringRef File) {
  std::lock_guard<std::mutex> G(Lock);
  Current = File.str();
  draw();
}

void Progress::finished() {
  std::lock_guard<std::mutex> G(Lock);
  ++Done;
  draw();
}

void Progress::message(llvm::StringRef Line) {
  std::lock_guard<std::mutex> G(Lock);
  erase();
  OS << Line;
  OS.flush();
  draw();
}

void Progress::clear() {
  std::lock_guard<std::mutex> G(Lock);
  erase();
}

void Progress::erase() {
  if (!Drawn)
    return;
  OS << "\r" << std::string(Drawn, ' ') << "\r";
  OS.flush();
  Drawn = 0;
}

void Progress::draw() {
  if (!Enabled || std::chrono::steady_clock::now() - Start < Delay)
    return;
  unsigned Columns = llvm::sys::Process::StandardErrColumns();
  std::string Text = progressText(Done, Total, Current, Columns ? Columns : 80);
  OS << "\r" << Text;
  if (Text.size() < Drawn)
    OS << std::string(Drawn - Text.size(), ' ') << "\r" << Text;
  OS.flush();
  Drawn = Text.size();
}

} // namespace gradlint::lint
