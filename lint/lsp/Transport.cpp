//===- lint/lsp/Transport.cpp - LSP base protocol over streams ------------===//

#include "lint/lsp/Transport.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace gradlint::lint::lsp {

namespace {

/// A header line without its line ending; false at end of input. Lines
/// longer than a header can be are cut (the rest is read and dropped).
bool readLine(std::FILE *In, std::string &Line) {
  Line.clear();
  int C;
  bool Any = false;
  while ((C = std::fgetc(In)) != EOF) {
    Any = true;
    if (C == '\n')
      break;
    if (Line.size() < 4096)
      Line += char(C);
  }
  if (!Line.empty() && Line.back() == '\r')
    Line.pop_back();
  return Any;
}

bool equalsInsensitive(const std::string &A, const char *B) {
  size_t I = 0;
  for (; I < A.size() && B[I]; ++I)
    if (std::tolower(static_cast<unsigned char>(A[I])) !=
        std::tolower(static_cast<unsigned char>(B[I])))
      return false;
  return I == A.size() && !B[I];
}

} // namespace

ReadOutcome Reader::read(std::string &Body, std::string &Error) {
  std::string Line;
  bool HaveLength = false, BadLength = false, AnyHeader = false;
  size_t Length = 0;
  unsigned long long Declared = 0;
  for (;;) {
    if (!readLine(In, Line))
      return ReadOutcome::End;
    if (Line.empty()) {
      if (!AnyHeader)
        continue; // blank lines between messages
      break;
    }
    AnyHeader = true;
    size_t Colon = Line.find(':');
    if (Colon == std::string::npos)
      continue; // not a header: the block is judged by its Content-Length
    std::string Name = Line.substr(0, Colon);
    if (!equalsInsensitive(Name, "Content-Length"))
      continue;
    std::string Value = Line.substr(Colon + 1);
    size_t B = Value.find_first_not_of(" \t");
    Value = B == std::string::npos ? "" : Value.substr(B);
    while (!Value.empty() && (Value.back() == ' ' || Value.back() == '\t'))
      Value.pop_back();
    char *End = nullptr;
    unsigned long long N = std::strtoull(Value.c_str(), &End, 10);
    if (Value.empty() || *End != '\0' || !std::isdigit(static_cast<unsigned char>(Value[0]))) {
      BadLength = true;
      continue;
    }
    HaveLength = true;
    Declared = N;
    Length = N > MaxBodyBytes ? MaxBodyBytes + 1 : size_t(N);
  }
  if (BadLength || !HaveLength) {
    Error = BadLength ? "invalid Content-Length" : "no Content-Length header";
    return ReadOutcome::BadHeader;
  }
  if (Length > MaxBodyBytes) {
    // Skipped unread in chunks: the stream stays in step with the client.
    for (unsigned long long Left = Declared; Left > 0;) {
      char Chunk[65536];
      size_t Want = size_t(std::min<unsigned long long>(Left, sizeof Chunk));
      size_t Got = std::fread(Chunk, 1, Want, In);
      if (Got == 0)
        return ReadOutcome::End;
      Left -= Got;
    }
    Error = "message over " + std::to_string(MaxBodyBytes) + " bytes";
    return ReadOutcome::BadHeader;
  }
  Body.assign(Length, '\0');
  if (Length && std::fread(Body.data(), 1, Length, In) != Length)
    return ReadOutcome::End;
  return ReadOutcome::Message;
}

std::string frame(const std::string &Body) {
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

bool writeMessage(std::FILE *Out, const std::string &Body) {
  std::string M = frame(Body);
  return std::fwrite(M.data(), 1, M.size(), Out) == M.size() &&
         std::fflush(Out) == 0;
}

} // namespace gradlint::lint::lsp
