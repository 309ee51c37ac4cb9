//===- lint/driver/Config.cpp - .clang-tidy configuration -----------------===//

#include "lint/driver/Config.h"

#include "lint/report/BoundedInput.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace gradlint::lint {

namespace {

/// Turns YAML syntax and schema errors into one line: `name:line:col: msg`.
class ConfigParser {
public:
  ConfigParser(llvm::StringRef Text, llvm::StringRef Name)
      : Name(Name.str()) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Ctx) {
          auto *Self = static_cast<ConfigParser *>(Ctx);
          if (Self->Error.empty())
            Self->Error = Self->Name + ":" + std::to_string(D.getLineNo()) +
                          ":" + std::to_string(D.getColumnNo() + 1) + ": " +
                          D.getMessage().str();
        },
        this);
    Stream = std::make_unique<llvm::yaml::Stream>(Text, SM);
  }

  StatusOr<Config> parse() {
    Config C;
    auto It = Stream->begin();
    if (It == Stream->end())
      return C;
    llvm::yaml::Node *Root = It->getRoot();
    if (!Error.empty())
      return Status::error(Error);
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      return C;
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
    if (!Map)
      return fail(Root, "expected a mapping of configuration keys");
    std::set<std::string> Seen;
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      std::optional<std::string> Key = scalar(KV.getKey());
      if (!Error.empty())
        return Status::error(Error);
      if (!Key)
        return fail(KV.getKey(), "expected a key");
      // As clang-tidy 19 reads the same file: a repeated key (which one
      // wins?) or a misspelt one ("Chekcs") is an error, not ignored.
      if (!Seen.insert(*Key).second)
        return fail(KV.getKey(), "duplicated mapping key '" + *Key + "'");
      static const std::set<std::string> Known = {
          "Checks", "WarningsAsErrors", "HeaderFilterRegex",
          "ExcludeHeaderFilterRegex", "HeaderFileExtensions",
          "ImplementationFileExtensions", "SystemHeaders", "FormatStyle",
          "User", "CheckOptions", "InheritParentConfig", "UseColor"};
      if (!Known.count(*Key))
        return fail(KV.getKey(), "unknown key '" + *Key + "'");
      llvm::yaml::Node *V = KV.getValue();
      if (!Error.empty())
        return Status::error(Error);
      if (*Key == "Checks") {
        C.Where["Checks"] = at(V);
        if (auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(V)) {
          std::string Joined;
          for (llvm::yaml::Node &N : *Seq) {
            auto S = scalar(&N);
            if (!S)
              return fail(&N, "expected a check glob");
            Joined += (Joined.empty() ? "" : ",") + *S;
          }
          C.Checks = Joined;
        } else if (auto S = scalar(V)) {
          C.Checks = *S;
        } else {
          return fail(V, "'Checks' must be a string or a list");
        }
      } else if (*Key == "WarningsAsErrors" || *Key == "HeaderFilterRegex" ||
                 *Key == "ExcludeHeaderFilterRegex") {
        auto S = scalar(V);
        if (!S)
          return fail(V, "'" + *Key + "' must be a string");
        (*Key == "WarningsAsErrors"    ? C.WarningsAsErrors
         : *Key == "HeaderFilterRegex" ? C.HeaderFilterRegex
                                       : C.ExcludeHeaderFilterRegex) = *S;
      } else if (*Key == "InheritParentConfig") {
        auto S = scalar(V);
        if (S && (*S == "true" || *S == "True"))
          C.InheritParentConfig = true;
        else if (S && (*S == "false" || *S == "False"))
          C.InheritParentConfig = false;
        else
          return fail(V, "'InheritParentConfig' must be true or false");
      } else if (*Key == "CheckOptions") {
        Status S = checkOptions(V, C.CheckOptions, C.Where);
        if (!S)
          return S;
      } else {
        // Keys gradlint does not use (FormatStyle, SystemHeaders, ...) belong
        // to clang-tidy, which reads the same file. Read them to find errors.
        skip(V);
      }
      if (!Error.empty())
        return Status::error(Error);
    }
    if (!Error.empty())
      return Status::error(Error);
    if (++It != Stream->end() && It->getRoot() &&
        !llvm::isa<llvm::yaml::NullNode>(It->getRoot()))
      return fail(It->getRoot(), "expected one YAML document");
    if (!Error.empty())
      return Status::error(Error);
    return C;
  }

private:
  /// `name:line:col` of \p N in a configuration file; "" for --config text
  /// or a node without a place.
  std::string at(llvm::yaml::Node *N) {
    if (llvm::StringRef(Name).starts_with("-") || !N ||
        !N->getSourceRange().Start.isValid() ||
        !SM.FindBufferContainingLoc(N->getSourceRange().Start))
      return "";
    auto LC = SM.getLineAndColumn(N->getSourceRange().Start);
    return Name + ":" + std::to_string(LC.first) + ":" +
           std::to_string(LC.second);
  }

  Status fail(llvm::yaml::Node *N, const std::string &Msg) {
    if (!Error.empty())
      return Status::error(Error);
    // An alias (`*x`) or a node the parser gave up on may have no place in
    // the text: getLineAndColumn would read outside it (found by
    // fuzz/config_fuzzer).
    if (!N || !N->getSourceRange().Start.isValid() ||
        !SM.FindBufferContainingLoc(N->getSourceRange().Start))
      return Status::error(Name + ": " + Msg);
    auto LC = SM.getLineAndColumn(N->getSourceRange().Start);
    return Status::error(Name + ":" + std::to_string(LC.first) + ":" +
                         std::to_string(LC.second) + ": " + Msg);
  }

  std::optional<std::string> scalar(llvm::yaml::Node *N) {
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
      llvm::SmallString<64> Storage;
      return S->getValue(Storage).str();
    }
    if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
      return B->getValue().str();
    if (llvm::isa_and_nonnull<llvm::yaml::NullNode>(N))
      return std::string();
    return std::nullopt;
  }

  void skip(llvm::yaml::Node *N) {
    if (!N)
      return;
    if (auto *M = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      for (llvm::yaml::KeyValueNode &KV : *M) {
        skip(KV.getKey());
        skip(KV.getValue());
      }
    } else if (auto *S = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      for (llvm::yaml::Node &X : *S)
        skip(&X);
    }
  }

  Status checkOptions(llvm::yaml::Node *V, rules::OptionMap &Out,
                      std::map<std::string, std::string> &Where) {
    if (auto *M = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(V)) {
      for (llvm::yaml::KeyValueNode &KV : *M) {
        auto K = scalar(KV.getKey());
        auto X = scalar(KV.getValue());
        if (!Error.empty())
          return Status::error(Error);
        if (!K || K->empty())
          return fail(KV.getKey(), "expected an option name");
        if (!X)
          return fail(KV.getValue(), "option '" + *K + "' must be a scalar");
        Out[*K] = *X;
        Where[*K] = at(KV.getKey());
      }
      return Status::ok();
    }
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(V)) {
      for (llvm::yaml::Node &N : *S) {
        auto *Entry = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
        if (!Entry)
          return fail(&N, "expected {key: ..., value: ...}");
        std::optional<std::string> K, X;
        for (llvm::yaml::KeyValueNode &KV : *Entry) {
          auto F = scalar(KV.getKey());
          if (!Error.empty())
            return Status::error(Error);
          if (F && (*F == "key" || *F == "Key"))
            K = scalar(KV.getValue());
          else if (F && (*F == "value" || *F == "Value"))
            X = scalar(KV.getValue());
          else
            return fail(KV.getKey(), "expected 'key' or 'value'");
        }
        if (!K || K->empty())
          return fail(&N, "option without a 'key'");
        if (!X)
          return fail(&N, "option '" + *K + "' without a 'value'");
        Out[*K] = *X;
        Where[*K] = at(&N);
      }
      return Status::ok();
    }
    return fail(V, "'CheckOptions' must be a list or a mapping");
  }

  std::string Name;
  llvm::SourceMgr SM;
  std::unique_ptr<llvm::yaml::Stream> Stream;
  std::string Error;
};

} // namespace

StatusOr<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Name) {
  ConfigParser P(Text, Name);
  return P.parse();
}

Config mergeConfig(const Config &Parent, const Config &Child) {
  Config C = Parent;
  if (Child.Checks)
    C.Checks = C.Checks && !C.Checks->empty() ? *C.Checks + "," + *Child.Checks
                                              : *Child.Checks;
  if (Child.WarningsAsErrors)
    C.WarningsAsErrors =
        C.WarningsAsErrors && !C.WarningsAsErrors->empty()
            ? *C.WarningsAsErrors + "," + *Child.WarningsAsErrors
            : *Child.WarningsAsErrors;
  if (Child.HeaderFilterRegex)
    C.HeaderFilterRegex = Child.HeaderFilterRegex;
  if (Child.ExcludeHeaderFilterRegex)
    C.ExcludeHeaderFilterRegex = Child.ExcludeHeaderFilterRegex;
  for (const auto &[K, V] : Child.CheckOptions)
    C.CheckOptions[K] = V;
  for (const auto &[K, V] : Child.Where)
    C.Where[K] = V;
  C.InheritParentConfig = Child.InheritParentConfig;
  return C;
}

StatusOr<Config> ConfigFinder::forDirectory(llvm::StringRef DirIn) {
  llvm::SmallString<256> Dir(DirIn);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, true);
  auto It = Cache.find(Dir);
  if (It != Cache.end())
    return It->second;
  llvm::SmallString<256> File(Dir);
  llvm::sys::path::append(File, ".clang-tidy");
  Config Result;
  // Anything named .clang-tidy is meant as a configuration: a directory or
  // a FIFO there is an error, not "no configuration".
  if (llvm::sys::fs::exists(File)) {
    StatusOr<std::string> Text =
        readBoundedFile(std::string(File), InputLimits::ConfigBytes);
    if (!Text)
      return Text.status();
    StatusOr<Config> C = parseConfig(*Text, File);
    if (!C)
      return C.status();
    Result = *C;
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Result.InheritParentConfig && !Parent.empty() && Parent != Dir) {
      StatusOr<Config> P = forDirectory(Parent);
      if (!P)
        return P.status();
      Result = mergeConfig(*P, Result);
    }
  } else {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (!Parent.empty() && Parent != Dir) {
      StatusOr<Config> P = forDirectory(Parent);
      if (!P)
        return P.status();
      Result = *P;
    }
  }
  Cache[Dir] = Result;
  return Result;
}

/// YAML single-quoted scalar.
static std::string quote(llvm::StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "''";
    else
      Out += C;
  }
  return Out + "'";
}

std::string dumpConfig(const Config &C) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "---\n";
  OS << "Checks:          " << quote(C.Checks.value_or("")) << "\n";
  OS << "WarningsAsErrors: " << quote(C.WarningsAsErrors.value_or("")) << "\n";
  OS << "HeaderFilterRegex: " << quote(C.HeaderFilterRegex.value_or(""))
     << "\n";
  if (C.ExcludeHeaderFilterRegex)
    OS << "ExcludeHeaderFilterRegex: " << quote(*C.ExcludeHeaderFilterRegex)
       << "\n";
  OS << "CheckOptions:";
  if (C.CheckOptions.empty())
    OS << " {}";
  OS << "\n";
  for (const auto &[K, V] : C.CheckOptions)
    OS << "  " << K << ": " << quote(V) << "\n";
  OS << "...\n";
  return Out;
}

} // namespace gradlint::lint
