//===- lint/driver/Facts.cpp - One file's extraction as JSON --------------===//

#include "lint/driver/Facts.h"

#include "lint/report/BoundedInput.h"
#include "lint/report/IrJson.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace gradlint::lint {

static llvm::StringRef outcomeName(Outcome O) {
  switch (O) {
  case Outcome::Complete:
    return "complete";
  case Outcome::Partial:
    return "partial";
  case Outcome::Failed:
    return "failed";
  }
  return "failed";
}

static Value locToJson(const ir::SourceLoc &L) {
  return Object{{"file", L.File},
                {"line", L.Line},
                {"column", L.Column},
                {"offset", L.Offset}};
}

static bool readUnsigned(const Object &O, llvm::StringRef Key, unsigned &Out) {
  std::optional<int64_t> N = O.getInteger(Key);
  if (!N || *N < 0 || *N > int64_t(UINT32_MAX))
    return false;
  Out = static_cast<unsigned>(*N);
  return true;
}

static bool locFromJson(const Value *V, ir::SourceLoc &L) {
  const Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return false;
  std::optional<llvm::StringRef> File = O->getString("file");
  if (!File)
    return false;
  L.File = File->str();
  return readUnsigned(*O, "line", L.Line) &&
         readUnsigned(*O, "column", L.Column) &&
         readUnsigned(*O, "offset", L.Offset);
}

Value fileResultToJson(const FileResult &R) {
  Array Missing;
  for (const std::string &H : R.Reason.MissingHeaders)
    Missing.push_back(H);
  return Object{
      {"outcome", outcomeName(R.Result)},
      {"reason", Object{{"missing_headers", std::move(Missing)},
                        {"missing_at", locToJson(R.Reason.MissingAt)},
                        {"first_error", R.Reason.FirstError},
                        {"first_error_at", locToJson(R.Reason.FirstErrorAt)},
                        {"errors", R.Reason.Errors}}},
      {"program", programToJson(R.Program)}};
}

StatusOr<FileResult> fileResultFromJson(const Value &V) {
  const Object *O = V.getAsObject();
  if (!O)
    return Status::error("expected an object");
  FileResult R;
  std::optional<llvm::StringRef> Out = O->getString("outcome");
  if (!Out)
    return Status::error("expected a string at outcome");
  if (*Out == "complete")
    R.Result = Outcome::Complete;
  else if (*Out == "partial")
    R.Result = Outcome::Partial;
  else if (*Out == "failed")
    R.Result = Outcome::Failed;
  else
    return Status::error("unknown outcome '" + Out->str() + "'");
  const Object *Why = O->getObject("reason");
  if (!Why)
    return Status::error("expected an object at reason");
  const Array *Missing = Why->getArray("missing_headers");
  if (!Missing)
    return Status::error("expected an array at reason.missing_headers");
  for (const Value &H : *Missing) {
    std::optional<llvm::StringRef> S = H.getAsString();
    if (!S)
      return Status::error("expected a string in reason.missing_headers");
    R.Reason.MissingHeaders.push_back(S->str());
  }
  if (!locFromJson(Why->get("missing_at"), R.Reason.MissingAt))
    return Status::error("expected a location at reason.missing_at");
  std::optional<llvm::StringRef> First = Why->getString("first_error");
  if (!First)
    return Status::error("expected a string at reason.first_error");
  R.Reason.FirstError = First->str();
  if (!locFromJson(Why->get("first_error_at"), R.Reason.FirstErrorAt))
    return Status::error("expected a location at reason.first_error_at");
  if (!readUnsigned(*Why, "errors", R.Reason.Errors))
    return Status::error("expected an integer at reason.errors");
  const Value *P = O->get("program");
  if (!P)
    return Status::error("expected an object at program");
  StatusOr<ir::Program> Prog = programFromJsonValue(*P);
  if (!Prog)
    return Status::error("program: " + Prog.status().message());
  R.Program = std::move(*Prog);
  return R;
}

/// How a path under the root starts in a facts file.
static constexpr llvm::StringLiteral RootMark = "${root}/";

std::string rootRelative(llvm::StringRef P, llvm::StringRef Root) {
  if (!llvm::sys::path::is_absolute(P) || Root.empty())
    return P.str();
  llvm::SmallString<256> A(P);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
  llvm::StringRef R = Root;
  while (R.size() > 1 && R.ends_with("/"))
    R = R.drop_back();
  llvm::StringRef Rest = A;
  if (Rest.consume_front(R) && Rest.consume_front("/") && !Rest.empty())
    return (RootMark + Rest).str();
  return P.str();
}

std::string fromRootRelative(llvm::StringRef P, llvm::StringRef Root) {
  if (!P.consume_front(RootMark))
    return P.str();
  llvm::SmallString<256> A(Root);
  llvm::sys::path::append(A, P);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
  return std::string(A);
}

/// Rewrites the file of every location ({"file", "line", ...}) in \p V.
template <typename Fn> static void rewriteLocations(Value &V, Fn Rewrite) {
  if (Object *O = V.getAsObject()) {
    if (O->get("line"))
      if (std::optional<llvm::StringRef> F = O->getString("file"))
        (*O)["file"] = Rewrite(*F);
    for (auto &KV : *O)
      rewriteLocations(KV.second, Rewrite);
  } else if (Array *A = V.getAsArray()) {
    for (Value &E : *A)
      rewriteLocations(E, Rewrite);
  }
}

std::string factsToJson(const Facts &F, llvm::StringRef Root) {
  Value Result = fileResultToJson(F.Result);
  auto Rel = [&](llvm::StringRef P) { return rootRelative(P, Root); };
  rewriteLocations(Result, Rel);
  Value V = Object{{"format", "gradlint-facts"},
                   {"version", FactsJsonVersion},
                   {"file", Rel(F.File)},
                   {"path", Rel(F.Path)},
                   {"result", std::move(Result)}};
  return llvm::formatv("{0}", V).str() + "\n";
}

StatusOr<Facts> factsFromJson(llvm::StringRef Text, llvm::StringRef Root) {
  if (Status S = checkJsonDepth(Text); !S)
    return S;
  llvm::Expected<Value> V = llvm::json::parse(Text);
  if (!V)
    return Status::error(llvm::toString(V.takeError()));
  Object *O = V->getAsObject();
  if (!O || O->getString("format") != llvm::StringRef("gradlint-facts"))
    return Status::error("not a gradlint facts file");
  if (O->getInteger("version") != FactsJsonVersion)
    return Status::error("facts version " +
                         std::to_string(O->getInteger("version").value_or(0)) +
                         " is not " + std::to_string(FactsJsonVersion) +
                         "; extract again with this gradlint");
  Facts F;
  std::optional<llvm::StringRef> File = O->getString("file");
  std::optional<llvm::StringRef> Path = O->getString("path");
  if (!File || !Path || Path->empty())
    return Status::error("expected strings at file and path");
  auto Resolve = [&](llvm::StringRef P) { return fromRootRelative(P, Root); };
  F.File = Resolve(*File);
  F.Path = Resolve(*Path);
  Value *R = O->get("result");
  if (!R)
    return Status::error("expected an object at result");
  rewriteLocations(*R, Resolve);
  StatusOr<FileResult> FR = fileResultFromJson(*R);
  if (!FR)
    return Status::error("result: " + FR.status().message());
  F.Result = std::move(*FR);
  return F;
}

std::string projectRootOf(const std::string &Start) {
  llvm::SmallString<256> Dir(Start);
  std::string Cwd(Dir);
  for (llvm::SmallString<256> D = Dir; !D.empty();) {
    llvm::SmallString<256> Git(D);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(D);
    llvm::StringRef Parent = llvm::sys::path::parent_path(D);
    if (Parent == D)
      break;
    // Parent is a prefix of D: assigning a view of D's own buffer to D is
    // undefined (an assertion in a build with them, scripts/sanitize.sh).
    D.truncate(Parent.size());
  }
  return Cwd;
}

} // namespace gradlint::lint
