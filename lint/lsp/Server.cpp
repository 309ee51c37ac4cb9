//===- lint/lsp/Server.cpp - gradlint as a language server ----------------===//
//
// One request at a time, in order: linting is synchronous, so a save waits
// for the previous one. Malformed input never ends the server: a body that
// is not JSON gets a ParseError response, a message without a method an
// InvalidRequest one, a header block without a length is skipped.
//
//===----------------------------------------------------------------------===//

#include "lint/lsp/Server.h"

#include "lint/driver/Driver.h"
#include "lint/driver/Options.h"
#include "lint/lsp/Convert.h"
#include "lint/lsp/Transport.h"
#include "lint/report/Report.h"
#include "lint/report/SafeWrite.h"
#include "lint/report/SourceCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

#ifndef GRADLINT_VERSION
#define GRADLINT_VERSION "0"
#endif

namespace gradlint::lint {

namespace {

namespace json = llvm::json;

// JSON-RPC error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int ServerNotInitialized = -32002;

class Server {
public:
  Server(const Options &Base, const char *Argv0, std::FILE *Out)
      : Base(Base), Argv0(Argv0), Out(Out) {}

  /// Handles one message body; false when the server should stop.
  bool handle(const std::string &Body) {
    llvm::Expected<json::Value> V = json::parse(Body);
    if (!V) {
      std::string Why = llvm::toString(V.takeError());
      reply(nullptr, error(ParseError, "invalid JSON: " + Why));
      return true;
    }
    const json::Object *M = V->getAsObject();
    if (!M) {
      reply(nullptr, error(InvalidRequest, "a message must be an object"));
      return true;
    }
    std::optional<json::Value> Id;
    if (const json::Value *I = M->get("id"))
      Id = *I;
    std::optional<llvm::StringRef> Method = M->getString("method");
    if (!Method) {
      // A response to a request of ours (we send none), or garbage.
      if (Id && !M->get("result") && !M->get("error"))
        reply(*Id, error(InvalidRequest, "no method"));
      return true;
    }
    const json::Value *Params = M->get("params");
    if (*Method == "exit") {
      Exited = true;
      return false;
    }
    if (Id)
      request(*Id, *Method, Params);
    else
      notification(*Method, Params);
    return true;
  }

  int exitStatus() const { return Exited && ShutDown ? 0 : 1; }

private:
  static json::Object error(int Code, const std::string &Message) {
    return json::Object{{"code", Code}, {"message", Message}};
  }

  void send(json::Object Msg) {
    Msg["jsonrpc"] = "2.0";
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << json::Value(std::move(Msg));
    OS.flush();
    lsp::writeMessage(Out, Text);
  }

  void reply(json::Value Id, json::Object Error) {
    send(json::Object{{"id", std::move(Id)}, {"error", std::move(Error)}});
  }

  void result(json::Value Id, json::Value Result) {
    send(json::Object{{"id", std::move(Id)}, {"result", std::move(Result)}});
  }

  void request(const json::Value &Id, llvm::StringRef Method,
               const json::Value *Params) {
    if (ShutDown) {
      reply(Id, error(InvalidRequest, "the server is shut down"));
      return;
    }
    if (Method != "initialize" && !Initialized) {
      reply(Id, error(ServerNotInitialized, "initialize first"));
      return;
    }
    if (Method == "initialize") {
      Initialized = true;
      json::Object Sync{{"openClose", true},
                        {"change", 0}, // None: only opens and saves lint
                        {"save", json::Object{{"includeText", false}}}};
      result(Id, json::Object{
                     {"capabilities",
                      json::Object{{"textDocumentSync", std::move(Sync)}}},
                     {"serverInfo", json::Object{{"name", "gradlint"},
                                                 {"version", GRADLINT_VERSION}}}});
      return;
    }
    if (Method == "shutdown") {
      ShutDown = true;
      result(Id, nullptr);
      return;
    }
    (void)Params;
    reply(Id, error(MethodNotFound, "unsupported method '" + Method.str() + "'"));
  }

  /// The document's path from params.textDocument.uri, if it is a file.
  std::optional<std::string> documentPath(const json::Value *Params) {
    const json::Object *P = Params ? Params->getAsObject() : nullptr;
    const json::Object *Doc = P ? P->getObject("textDocument") : nullptr;
    std::optional<llvm::StringRef> Uri = Doc ? Doc->getString("uri") : std::nullopt;
    if (!Uri)
      return std::nullopt;
    return lsp::uriToPath(Uri->str());
  }

  void notification(llvm::StringRef Method, const json::Value *Params) {
    if (ShutDown || !Initialized)
      return; // as the protocol says: dropped

    if (Method == "textDocument/didOpen" || Method == "textDocument/didSave") {
      if (std::optional<std::string> Path = documentPath(Params))
        lintAndPublish(*Path);
      return;
    }
    if (Method == "textDocument/didClose") {
      if (std::optional<std::string> Path = documentPath(Params)) {
        std::string Key = canonicalPath(*Path);
        for (const std::string &F : Published[Key])
          publish(F, json::Array());
        Published.erase(Key);
      }
      return;
    }
    // initialized, didChange (not linted: the file on disk is what the
    // command would see), $/cancelRequest, ...: nothing to do.
  }

  void publish(const std::string &File, json::Array Diagnostics) {
    send(json::Object{
        {"method", "textDocument/publishDiagnostics"},
        {"params", json::Object{{"uri", lsp::pathToUri(File)},
                                {"diagnostics", std::move(Diagnostics)}}}});
  }

  /// An error diagnostic at the top of a file.
  static json::Object topOfFile(const std::string &Message) {
    auto At = [] { return json::Object{{"line", 0}, {"character", 0}}; };
    return json::Object{
        {"range", json::Object{{"start", At()}, {"end", At()}}},
        {"severity", 1},
        {"source", "gradlint"},
        {"message", Message}};
  }

  /// Clang names a header by the path it was found under, relative to the
  /// compile command's directory when the include path is relative; the
  /// server's own directory means nothing. Such a path is taken relative
  /// to the document's folder when the file is there (the usual case: the
  /// build runs in the source folder), else left to canonicalPath.
  static void absolutize(Report &R, const std::string &DocDir,
                         const std::string &Spelled, const std::string &Path) {
    auto Fix = [&](std::string &File) {
      if (File == Spelled) {
        File = Path;
        return;
      }
      if (File.empty() || llvm::sys::path::is_absolute(File))
        return;
      llvm::SmallString<256> Candidate(DocDir);
      llvm::sys::path::append(Candidate, File);
      if (llvm::sys::fs::exists(Candidate))
        File = std::string(Candidate);
    };
    for (ir::Finding &F : R.Findings) {
      Fix(F.Loc.File);
      for (ir::Note &N : F.Notes)
        Fix(N.Loc.File);
    }
  }

  /// \p Path as the command names it when run from the server's folder:
  /// relative to it when the file is under it, else as it is. An editor
  /// starts the server in the workspace folder, where `gradlint src/a.cpp`
  /// and pre-commit (repository-relative names) run too. Without a compile
  /// database the compile command holds the file as it was named, and the
  /// result cache's key with it: spelt the same, the first open of a file
  /// the command already linted is served from the cache.
  static std::string commandSpelling(const std::string &Path) {
    llvm::SmallString<256> Cwd;
    if (llvm::sys::fs::current_path(Cwd) || Cwd.empty())
      return Path;
    llvm::StringRef P(Path);
    llvm::StringRef Dir(Cwd);
    if (!P.consume_front(Dir) || (!Dir.ends_with("/") && !P.consume_front("/")))
      return Path;
    if (P.empty() || P.starts_with("/"))
      return Path;
    return P.str();
  }

  void lintAndPublish(const std::string &Path) {
    std::string Key = canonicalPath(Path);
    std::string Spelled = commandSpelling(Path);
    Options O = Base;
    O.Sources = {Spelled};
    O.Lsp = false;
    // Nothing but the diagnostics: no files written, nothing on stdout.
    O.OutputFile.clear();
    O.ExportFixes.clear();
    O.Fix = false;
    O.WriteBaseline.clear();
    O.HtmlDir.clear();
    O.SarifFile.clear();
    O.JsonFile.clear();
    O.Format = OutputFormat::Text;
    O.PreCommit = false;
    O.DumpModel = O.DumpConfig = O.ListChecks = false;
    Report R;
    int Status = lintToReport(O, Argv0, R);
    absolutize(R, llvm::sys::path::parent_path(Key).str(), Spelled, Path);
    SourceCache Sources;
    std::map<std::string, json::Array> ByFile = lsp::diagnosticsByFile(R, Sources);
    // A configuration or compile-database error: the one line, also on the
    // server's stderr (the editor's log), at the top of the file.
    if (Status != 0) {
      ByFile[Key].push_back(topOfFile(
          R.RunErrors.empty()
              ? "gradlint could not lint this file (exit status " +
                    std::to_string(Status) +
                    "); the language server's log says why"
              : "gradlint could not lint this file: " + R.RunErrors.front()));
      // An error with a place (".clang-tidy:3:5: unknown option ...") is
      // also shown there, where it is fixed.
      llvm::SmallVector<llvm::StringRef, 5> M;
      if (!R.RunErrors.empty() &&
          llvm::Regex("^(/.+):([0-9]+):([0-9]+): (.*)$")
              .match(R.RunErrors.front(), &M) &&
          llvm::sys::fs::exists(M[1])) {
        ir::SourceLoc At;
        At.File = M[1].str();
        M[2].getAsInteger(10, At.Line);
        M[3].getAsInteger(10, At.Column);
        json::Object D = topOfFile(M[4].str());
        D["range"] = json::Object{
            {"start", json::Object{{"line", At.Line ? At.Line - 1 : 0},
                                   {"character", At.Column ? At.Column - 1 : 0}}},
            {"end", json::Object{{"line", At.Line ? At.Line - 1 : 0},
                                 {"character", At.Column ? At.Column - 1 : 0}}}};
        ByFile[canonicalPath(At.File)].push_back(std::move(D));
      }
    }
    // A file that could not be analysed says so at its top.
    for (const FileError &E : R.Errors)
      ByFile[canonicalPath(E.File)].push_back(
          topOfFile("gradlint could not analyse this file: " + E.Message));
    // The headers first, the document itself last (even when clean): a
    // client waiting for the document's diagnostics has them all then.
    std::set<std::string> Now{Key};
    for (auto &[File, Diags] : ByFile)
      if (File != Key) {
        Now.insert(File);
        publish(File, std::move(Diags));
      }
    publish(Key, std::move(ByFile[Key]));
    for (const std::string &F : Published[Key])
      if (!Now.count(F))
        publish(F, json::Array());
    Published[Key] = std::move(Now);
  }

  const Options &Base;
  const char *Argv0;
  std::FILE *Out;
  bool Initialized = false;
  bool ShutDown = false;
  bool Exited = false;
  /// Per open document, the files its last lint published diagnostics for.
  std::map<std::string, std::set<std::string>> Published;
};

} // namespace

int runLspServer(const Options &O, const char *Argv0, std::FILE *In,
                 std::FILE *Out) {
  Server S(O, Argv0, Out);
  lsp::Reader R(In);
  for (;;) {
    std::string Body, Error;
    switch (R.read(Body, Error)) {
    case lsp::ReadOutcome::End:
      return S.exitStatus();
    case lsp::ReadOutcome::BadHeader:
      llvm::errs() << "gradlint: error: LSP message skipped: " << Error << "\n";
      continue;
    case lsp::ReadOutcome::Message:
      if (!S.handle(Body))
        return S.exitStatus();
      continue;
    }
  }
}

} // namespace gradlint::lint
