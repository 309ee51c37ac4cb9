//===- lint/lsp/Transport.h - LSP base protocol over streams ---*- C++ -*-===//
//
// The Language Server Protocol's framing: a header block of
// `Content-Length: N` (and optional Content-Type) lines, each ending in
// \r\n, an empty line, then N bytes of JSON.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_LSP_TRANSPORT_H
#define GRADLINT_LINT_LSP_TRANSPORT_H

#include <cstdio>
#include <string>

namespace gradlint::lint::lsp {

/// What reading one message gave.
enum class ReadOutcome {
  Message,   ///< a whole body
  BadHeader, ///< a header block without a usable Content-Length: skipped
  End,       ///< end of input (or a body cut short by it)
};

/// A message body larger than this is refused (and skipped): no editor
/// sends a file's worth of JSON that big, and it bounds what a broken
/// client makes the server allocate.
constexpr size_t MaxBodyBytes = size_t(64) << 20;

/// Reads framed messages from a stream.
class Reader {
public:
  explicit Reader(std::FILE *In) : In(In) {}
  /// Reads the next message into \p Body; on BadHeader \p Error says why.
  ReadOutcome read(std::string &Body, std::string &Error);

private:
  std::FILE *In;
};

/// \p Body framed with its Content-Length header.
std::string frame(const std::string &Body);

/// Writes \p Body framed to \p Out and flushes; false if the write failed.
bool writeMessage(std::FILE *Out, const std::string &Body);

} // namespace gradlint::lint::lsp

#endif // GRADLINT_LINT_LSP_TRANSPORT_H
