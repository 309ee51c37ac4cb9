//===- lint/driver/Driver.cpp - The gradlint command's driver -------------===//
//
// Options -> configuration -> compile commands -> extraction per file ->
// merge -> checks -> suppression and filters -> probe -> report -> status.
// Every error is one line on stderr, `gradlint: error: <what>`.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Driver.h"

#include "lint/driver/CompileCommands.h"
#include "lint/driver/Config.h"
#include "lint/driver/Extraction.h"
#include "lint/driver/Facts.h"
#include "lint/driver/Frontend.h"
#include "lint/driver/LineFilter.h"
#include "lint/driver/Nolint.h"
#include "lint/driver/OptionFormats.h"
#include "lint/driver/Options.h"
#include "lint/driver/Outputs.h"
#include "lint/driver/PreCommit.h"
#include "lint/driver/ProbeCache.h"
#include "lint/driver/Progress.h"
#include "lint/driver/ProjectLayout.h"
#include "lint/driver/ResultCache.h"
#include "lint/driver/Shard.h"
#include "lint/lsp/Server.h"
#include "lint/report/Baseline.h"
#include "lint/report/BoundedInput.h"
#include "lint/report/CheckDocs.h"
#include "lint/report/Fixes.h"
#include "lint/report/Html.h"
#include "lint/report/IrJson.h"
#include "lint/report/Report.h"
#include "lint/report/SafeWrite.h"
#include "lint/report/SourceCache.h"
#include "rules/Registry.h"
#include "rules/ir/Validate.h"
#include "runtime/Probe.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>

#ifndef GRADLINT_VERSION
#define GRADLINT_VERSION "0"
#endif

namespace gradlint::lint {

namespace {

int exitCode(ExitStatus S) { return static_cast<int>(S); }

/// Prints `gradlint: error: <Message>` and returns \p S.
int fail(ExitStatus S, const std::string &Message) {
  llvm::errs() << "gradlint: error: " << Message << "\n";
  return exitCode(S);
}

/// A configuration error that names its place (`.clang-tidy:4:11: msg`) as
/// compilers print one, `.clang-tidy:4:11: error: msg`, so editors and
/// :cfile jump to it; any other message as fail() prints it.
int failAt(ExitStatus S, const std::string &Message) {
  llvm::Regex Located("^(.+:[0-9]+:[0-9]+): (.*)$");
  llvm::SmallVector<llvm::StringRef, 3> M;
  // `--config:1:5` names an option, not a file to jump to.
  if (!Located.match(Message, &M) || M[1].starts_with("-"))
    return fail(S, Message);
  llvm::errs() << M[1] << ": error: " << M[2] << "\n";
  return exitCode(S);
}

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, true);
  return std::string(A);
}

/// The git top level at or above \p Dir (absolute), else \p Dir.
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

/// The git top level above the current directory, else the directory.
std::string projectRoot() { return projectRootOf(absolute(".")); }

/// The root facts files name paths relative to: --facts-root, else the
/// repository of -p's database (extract) or of the current directory.
std::string factsRoot(const Options &O) {
  if (!O.FactsRoot.empty())
    return absolute(O.FactsRoot);
  if (O.ExtractCommand && !O.BuildPath.empty())
    return projectRootOf(absolute(O.BuildPath));
  return projectRoot();
}

/// The entries of a glob list, trimmed, without their '-'.
std::vector<std::string> globs(const std::string &List) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(List).split(Parts, ',');
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.consume_front("-"))
      P = P.trim();
    if (!P.empty())
      Out.push_back(P.str());
  }
  return Out;
}

bool isKnownCheck(llvm::StringRef Name) {
  for (const rules::CheckInfo &I : rules::allChecks())
    if (Name == I.Name)
      return true;
  return false;
}

/// The checks a run uses, built with their options.
struct CheckSet {
  std::vector<std::unique_ptr<rules::Check>> Checks;
  std::vector<RuleInfo> Rules;
};

/// \p Message at \p Key's place in the configuration file, when known:
/// `.clang-tidy:3:5: <Message>` (failAt prints it as a compiler would).
std::string at(const Config &C, const std::string &Key,
               const std::string &Message) {
  auto It = C.Where.find(Key);
  if (It == C.Where.end() || It->second.empty())
    return Message;
  return It->second + ": " + Message;
}

/// Validates the configuration and builds the enabled checks. Every error is
/// a configuration error.
StatusOr<CheckSet> buildChecks(const Config &C,
                               const std::optional<std::string> &CliChecks) {
  // A name without '*' that names no check is a typo, not a glob; from the
  // command line any such name is wrong, in a shared .clang-tidy only
  // gradlint's own.
  if (CliChecks)
    for (const std::string &G : globs(*CliChecks))
      if (G.find('*') == std::string::npos && !isKnownCheck(G))
        return Status::error("unknown check '" + G + "'");
  if (C.Checks)
    for (const std::string &G : globs(*C.Checks))
      if (G.find('*') == std::string::npos &&
          llvm::StringRef(G).starts_with("gradlint-") && !isKnownCheck(G))
        return Status::error(
            C.Where.count("Checks") && !C.Where.at("Checks").empty()
                ? at(C, "Checks", "unknown check '" + G + "'")
                : "unknown check '" + G + "' in configuration");
  std::string List = C.Checks.value_or("");
  CheckSet Set;
  std::vector<std::string> Errors;
  llvm::StringSet<> KnownKeys;
  for (const rules::CheckInfo &I : rules::allChecks()) {
    std::unique_ptr<rules::Check> Check =
        rules::createCheck(I.Name, C.CheckOptions, Errors);
    if (!Check)
      continue;
    rules::OptionMap Own;
    Check->storeOptions(Own);
    for (const auto &KV : Own)
      KnownKeys.insert(KV.first);
    if (!rules::globListMatches(List, I.Name, I.DefaultOn))
      continue;
    Set.Rules.push_back({I.Name, I.Summary ? I.Summary : "", I.DefaultOn});
    Set.Checks.push_back(std::move(Check));
  }
  if (!Errors.empty()) {
    // "invalid value 'x' for option 'gradlint-c.Key': ..." at that key.
    llvm::StringRef E = Errors.front();
    size_t Open = E.find("for option '");
    if (Open != llvm::StringRef::npos) {
      llvm::StringRef Key = E.drop_front(Open + 12);
      Key = Key.take_until([](char Ch) { return Ch == '\''; });
      return Status::error(at(C, Key.str(), Errors.front()));
    }
    return Status::error(Errors.front());
  }
  for (const auto &KV : C.CheckOptions) {
    llvm::StringRef Key = KV.first;
    if (!Key.starts_with("gradlint-"))
      continue; // clang-tidy's own checks share the file
    llvm::StringRef Check = Key.split('.').first;
    if (!isKnownCheck(Check))
      return Status::error(at(C, Key.str(),
                              "unknown check '" + Check.str() +
                                  "' in option '" + Key.str() + "'"));
    if (!KnownKeys.contains(Key))
      return Status::error(at(C, Key.str(), "unknown option '" + Key.str() + "'"));
  }
  return Set;
}

bool fails(ir::Severity S, FailOn F) {
  switch (F) {
  case FailOn::Never:
    return false;
  case FailOn::Error:
    return S == ir::Severity::Error;
  case FailOn::Warning:
    return S != ir::Severity::Note;
  case FailOn::Note:
    return true;
  }
  return true;
}

/// Reads a whole file; the error is one line naming it.
StatusOr<std::string> readFile(const std::string &Path) {
  // Never a FIFO or a device, never without a size limit.
  return readBoundedFile(Path, InputLimits::ModelJsonBytes);
}

/// llvm::json's "[3:12, byte=40]: Expected ..." as "path:3:12: expected ...".
std::string jsonError(const std::string &Path, const std::string &Msg) {
  llvm::StringRef M(Msg);
  if (M.consume_front("[")) {
    auto [Pos, Rest] = M.split("]: ");
    auto [LineCol, Byte] = Pos.split(", ");
    (void)Byte;
    std::string Text = Rest.str();
    if (!Text.empty())
      Text[0] = static_cast<char>(std::tolower(Text[0]));
    return Path + ":" + LineCol.str() + ": " + Text;
  }
  return Path + ": " + Msg;
}

class Run {
public:
  Run(const Options &O, const char *Argv0, Report *Capture = nullptr)
      : O(O), Argv0(Argv0), Capture(Capture) {}

  int run() {
    int S = runSteps();
    if (Capture) {
      // lintToReport() writes nothing; on an error its RunErrors say why.
      if (S != exitCode(ExitStatus::Clean))
        *Capture = Rep;
      return S;
    }
    // A SARIF upload step needs its file whatever happened: on a usage,
    // configuration or analysis error the report still says what went
    // wrong (executionSuccessful false, the error as a notification).
    if (S != exitCode(ExitStatus::Clean) && !O.ProbeCommand && !O.DumpModel &&
        !O.ExtractCommand)
      Out.writeSarifOnFailure(Rep, projectRoot());
    return S;
  }

private:
  /// Prints the error (as failAt) and keeps it for the SARIF report.
  int error(ExitStatus S, const std::string &Message) {
    Rep.RunErrors.push_back(Message);
    return failAt(S, Message);
  }

  int runSteps() {
    if (O.ExtractCommand)
      return extractCommand();
    if (O.CheckCommand)
      if (int S = readFacts())
        return S;
    if (int S = configure())
      return S;
    if (O.ListChecks) {
      llvm::outs() << "Enabled checks:\n";
      for (const RuleInfo &R : Checks.Rules)
        llvm::outs() << "    " << R.Id << "\n";
      llvm::outs() << "\n";
      return exitCode(ExitStatus::Clean);
    }
    if (O.DumpConfig) {
      Config Effective = Cfg;
      for (const auto &C : Checks.Checks)
        C->storeOptions(Effective.CheckOptions);
      llvm::outs() << dumpConfig(Effective);
      return exitCode(ExitStatus::Clean);
    }
    ir::Program Merged;
    if (O.ProbeCommand) {
      if (int S = readModel(Merged))
        return S;
    } else if (O.CheckCommand) {
      std::vector<FileResult> Results;
      for (Facts &F : AllFacts) {
        Names.push_back(F.File);
        MainFiles.insert(F.Path);
        Results.push_back(std::move(F.Result));
      }
      mergeResults(Results, Merged);
    } else if (int S = extract(Merged)) {
      return S;
    }
    if (O.DumpModel) {
      if (int S = writeOutput([&](llvm::raw_ostream &OS) {
            OS << llvm::formatv("{0:2}", programToJson(Merged)) << "\n";
          }))
        return S;
      return exitCode(Rep.Errors.empty() ? ExitStatus::Clean
                                         : ExitStatus::AnalysisError);
    }
    return lint(Merged);
  }

  int configure() {
    std::string Dir;
    if (O.CheckCommand && !AllFacts.empty())
      Dir = llvm::sys::path::parent_path(AllFacts.front().Path).str();
    else if (O.CheckCommand)
      Dir = absolute(".");
    else if (!O.ProbeCommand && !O.Sources.empty())
      Dir = llvm::sys::path::parent_path(absolute(O.Sources.front())).str();
    else
      Dir = absolute(".");
    if (!O.ConfigFile.empty()) {
      StatusOr<std::string> Text = readFile(O.ConfigFile);
      if (!Text)
        return error(ExitStatus::UsageError, Text.status().message());
      StatusOr<Config> C = parseConfig(*Text, O.ConfigFile);
      if (!C)
        return error(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    } else if (O.Config) {
      StatusOr<Config> C = parseConfig(*O.Config, "--config");
      if (!C)
        return error(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    } else {
      StatusOr<Config> C = Finder.forDirectory(Dir);
      if (!C)
        return error(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    }
    // clang-tidy's command-line flags win over the file's keys.
    if (O.HeaderFilter)
      Cfg.HeaderFilterRegex = O.HeaderFilter;
    if (O.ExcludeHeaderFilter)
      Cfg.ExcludeHeaderFilterRegex = O.ExcludeHeaderFilter;
    if (O.WarningsAsErrors)
      Cfg.WarningsAsErrors = O.WarningsAsErrors;
    if (O.Checks)
      Cfg.Checks = Cfg.Checks && !Cfg.Checks->empty()
                       ? *Cfg.Checks + "," + *O.Checks
                       : *O.Checks;
    for (const auto &[Name, Regex] :
         {std::pair{"HeaderFilterRegex", &Cfg.HeaderFilterRegex},
          std::pair{"ExcludeHeaderFilterRegex", &Cfg.ExcludeHeaderFilterRegex}}) {
      if (!*Regex || (*Regex)->empty())
        continue;
      llvm::Regex R(**Regex);
      std::string Err;
      if (!R.isValid(Err))
        return error(ExitStatus::UsageError, std::string("invalid ") + Name +
                                                 " '" + **Regex + "': " + Err);
    }
    // Before the analysis, which may take minutes: a bad filter or
    // revision is known at once, and the revision's diff is what the run
    // compares with even if the work tree changes meanwhile.
    if (!O.LineFilter.empty()) {
      StatusOr<LineFilter> L = LineFilter::fromJson(O.LineFilter);
      if (!L)
        return error(ExitStatus::UsageError, L.status().message());
      Lines = std::move(*L);
    }
    if ((!O.DiffRev.empty() || O.PreCommit) && !O.DumpConfig &&
        !O.ListChecks) {
      // `pre-commit run --from-ref A --to-ref B` (and pre-push hooks) name
      // the changes in PRE_COMMIT_FROM_REF; a commit's are the staged ones.
      std::string Rev = O.DiffRev;
      const char *From = std::getenv("PRE_COMMIT_FROM_REF");
      if (Rev.empty() && From && *From)
        Rev = From;
      StatusOr<LineFilter> L = Rev.empty() ? LineFilter::fromStagedChanges()
                                           : LineFilter::fromGitDiff(Rev);
      if (!L)
        return error(ExitStatus::UsageError, L.status().message());
      Diff = std::move(*L);
    }
    StatusOr<CheckSet> S = buildChecks(Cfg, O.Checks);
    if (!S)
      return error(ExitStatus::UsageError, S.status().message());
    Checks = std::move(*S);
    Rep.Rules = Checks.Rules;
    return 0;
  }

  int readModel(ir::Program &Out) {
    const std::string &Path = O.Sources.front();
    if (!llvm::sys::fs::exists(Path))
      return fail(ExitStatus::AnalysisError, Path + ": no such file");
    StatusOr<std::string> Text = readFile(Path);
    if (!Text)
      return fail(ExitStatus::AnalysisError, Text.status().message());
    StatusOr<ir::Program> P = programFromJson(*Text);
    if (!P) {
      const std::string &M = P.status().message();
      return fail(ExitStatus::AnalysisError,
                  llvm::StringRef(M).starts_with("[") ? jsonError(Path, M)
                                                      : Path + ": " + M);
    }
    Out = std::move(*P);
    return 0;
  }

  /// The compile command of every file the run names (a folder stands for
  /// the C++ files under it; `extract` without files takes -p's database),
  /// in Commands, with the names in Names. A usage error returns nonzero.
  int gatherCommands(CompileCommands &DB, std::vector<FileCommand> &Commands) {
    // A folder stands for every C++ file under it.
    std::vector<std::string> Files;
    // `-p BUILD` alone: every file the database lists, as run-clang-tidy.
    std::vector<std::string> Sources = O.Sources;
    if (Sources.empty()) {
      Sources = DB.databaseFiles();
      if (Sources.empty())
        return error(ExitStatus::UsageError,
                     O.BuildPath + "/compile_commands.json lists no files");
    }
    for (const std::string &Src : Sources) {
      if (!llvm::sys::fs::is_directory(Src)) {
        Files.push_back(Src);
        continue;
      }
      std::vector<std::string> Under = cxxFilesUnder(Src);
      if (Under.empty() && !O.Quiet)
        llvm::errs() << "gradlint: note: " << Src << ": no C++ files\n";
      Files.insert(Files.end(), Under.begin(), Under.end());
    }
    // The hook's own files come first; the files added for their models
    // are read for facts, their partial-analysis notes are not the
    // commit's business.
    Own = std::set<std::string>(Files.begin(), Files.end());
    if (O.PreCommit)
      Files = preCommitFiles(Files);
    if (O.ShardCount) {
      std::string Base = absolute(O.BuildPath.empty() ? "." : O.BuildPath);
      std::vector<std::string> Abs;
      for (const std::string &F : Files)
        Abs.push_back(absolute(F));
      std::vector<std::string> Mine;
      for (size_t I : shardSlice(Abs, Base, O.ShardIndex, O.ShardCount))
        Mine.push_back(Files[I]);
      Files = std::move(Mine);
    }
    bool Guessed = false;
    for (const std::string &Src : Files) {
      if (!llvm::sys::fs::exists(Src)) {
        fail(ExitStatus::AnalysisError, Src + ": no such file");
        Rep.Errors.push_back({Src, "no such file"});
        continue;
      }
      StatusOr<FileCommand> C = DB.commandFor(Src);
      if (!C)
        return error(ExitStatus::UsageError, C.status().message());
      Guessed |= C->GuessedIncludes;
      MainFiles.insert(absolute(Src));
      Commands.push_back(std::move(*C));
      Names.push_back(Src);
    }
    if (Guessed && !O.Quiet)
      llvm::errs() << "gradlint: note: no compilation database; include "
                      "folders guessed (each file's folder, include/ and "
                      "src/ up to the repository root, the root); pass -p "
                      "BUILD or '-- FLAGS' to set them\n";
    return 0;
  }

  std::vector<FileResult> extractAll(const CompileCommands &DB,
                                     const std::vector<FileCommand> &Commands) {
    ResultCache Cache(O.Cache, DB.apiDir());
    ExtractSettings S;
    S.Jobs = O.Jobs;
    S.Verbose = O.Verbose;
    S.Progress = Progress::wanted(O.Quiet);
    S.Cache = &Cache;
    return extractFiles(Commands, Names, S);
  }

  int extract(ir::Program &Merged) {
    StatusOr<std::unique_ptr<CompileCommands>> DB =
        CompileCommands::create(O, Argv0);
    if (!DB)
      return error(ExitStatus::UsageError, DB.status().message());
    std::vector<FileCommand> Commands;
    if (int S = gatherCommands(**DB, Commands))
      return S;
    ApiDir = (*DB)->apiDir();
    mergeResults(extractAll(**DB, Commands), Merged);
    return 0;
  }

  /// Reports failed and partial files and merges the rest, in order.
  void mergeResults(const std::vector<FileResult> &Results,
                    ir::Program &Merged) {
    for (size_t I = 0; I < Results.size(); ++I) {
      const FileResult &R = Results[I];
      switch (R.Result) {
      case Outcome::Failed: {
        std::string Why =
            R.Reason.FirstError.empty()
                ? "nothing could be read: " + R.Reason.summary()
                : "nothing could be read as C++: " + R.Reason.FirstError;
        fail(ExitStatus::AnalysisError, Names[I] + ": " + Why);
        Rep.Errors.push_back({Names[I], Why});
        continue;
      }
      case Outcome::Partial: {
        if (O.PreCommit && !Own.count(Names[I]))
          break;
        PartialFile P;
        P.File = Names[I];
        P.Loc = R.Reason.location();
        P.Reason = R.Reason.summary();
        P.MissingHeaders = R.Reason.MissingHeaders;
        P.FirstError = R.Reason.FirstError;
        P.Errors = R.Reason.Errors;
        Rep.Partial.push_back(std::move(P));
        break;
      }
      case Outcome::Complete:
        break;
      }
      ir::merge(Merged, R.Program);
    }
    // Values the source states but no network can have (a stride of 0, a
    // negative width) become unknown here, so nothing downstream divides
    // by them or allocates them.
    for (const std::string &Line : ir::dropInvalid(Merged))
      llvm::errs() << "gradlint: warning: " << Line << "\n";
  }

  /// `gradlint extract`: one facts file per translation unit in FactsDir.
  int extractCommand() {
    StatusOr<std::unique_ptr<CompileCommands>> DB =
        CompileCommands::create(O, Argv0);
    if (!DB)
      return error(ExitStatus::UsageError, DB.status().message());
    std::vector<FileCommand> Commands;
    if (int S = gatherCommands(**DB, Commands))
      return S;
    // One source and -o NAME.facts.json: that file, for build systems that
    // name each action's output (CMake, Bazel); else a folder.
    bool OneFile = llvm::StringRef(O.FactsDir).ends_with(".facts.json") &&
                   !llvm::sys::fs::is_directory(O.FactsDir);
    if (OneFile && Names.size() + Rep.Errors.size() != 1)
      return fail(ExitStatus::UsageError,
                  "-o " + O.FactsDir + " names one facts file; give one "
                  "source, or a folder");
    std::string Dir =
        OneFile ? llvm::sys::path::parent_path(absolute(O.FactsDir)).str()
                : O.FactsDir;
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
      return fail(ExitStatus::UsageError, Dir + ": " + EC.message());
    std::vector<FileResult> Results = extractAll(**DB, Commands);
    std::string Root = factsRoot(O);
    for (size_t I = 0; I < Results.size(); ++I) {
      Facts F;
      F.File = Names[I];
      F.Path = absolute(Names[I]);
      F.Result = std::move(Results[I]);
      llvm::SmallString<256> Out(O.FactsDir);
      if (!OneFile)
        llvm::sys::path::append(Out, factsFileName(F.Path));
      Status S = writeFileAtomically(
          std::string(Out), factsToJson(F, Root));
      if (!S)
        return fail(ExitStatus::UsageError, S.message());
    }
    if (!O.Quiet)
      llvm::errs() << "gradlint: " << Results.size() << " facts file"
                   << (Results.size() == 1 ? "" : "s") << " written to "
                   << O.FactsDir << "\n";
    return exitCode(Rep.Errors.empty() ? ExitStatus::Clean
                                       : ExitStatus::AnalysisError);
  }

  /// `gradlint check`: reads facts files (a folder stands for the
  /// *.facts.json in it), one per source, ordered by the source's path.
  int readFacts() {
    std::vector<std::string> Paths;
    for (const std::string &Src : O.Sources) {
      if (!llvm::sys::fs::is_directory(Src)) {
        Paths.push_back(Src);
        continue;
      }
      std::error_code EC;
      std::vector<std::string> In;
      for (llvm::sys::fs::directory_iterator I(Src, EC), E; I != E && !EC;
           I.increment(EC))
        if (llvm::StringRef(I->path()).ends_with(".facts.json"))
          In.push_back(I->path());
      if (EC)
        return error(ExitStatus::UsageError, Src + ": " + EC.message());
      std::sort(In.begin(), In.end());
      Paths.insert(Paths.end(), In.begin(), In.end());
    }
    std::set<std::string> Seen;
    std::string Root = factsRoot(O);
    for (const std::string &P : Paths) {
      if (!llvm::sys::fs::exists(P))
        return error(ExitStatus::UsageError, P + ": no such file");
      StatusOr<std::string> Text = readFile(P);
      if (!Text)
        return error(ExitStatus::UsageError, Text.status().message());
      StatusOr<Facts> F = factsFromJson(*Text, Root);
      if (!F) {
        const std::string &M = F.status().message();
        return error(ExitStatus::UsageError,
                    llvm::StringRef(M).starts_with("[") ? jsonError(P, M)
                                                        : P + ": " + M);
      }
      // The same source twice (a facts file named twice): once.
      if (Seen.insert(F->Path).second)
        AllFacts.push_back(std::move(*F));
    }
    std::stable_sort(AllFacts.begin(), AllFacts.end(),
                     [](const Facts &A, const Facts &B) {
                       return A.Path < B.Path;
                     });
    return 0;
  }

  /// Writes to -o (whole or not at all) or stdout; a failed write is one
  /// line and exit 2, never read as "findings".
  template <typename Fn> int writeOutput(Fn Write, bool Color = false) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Color);
    Write(OS);
    if (Status S = Outputs::writeTo(O.OutputFile, Text); !S)
      return error(ExitStatus::UsageError, S.message());
    return 0;
  }

  /// clang-tidy's header filters: findings in the files linted are
  /// always shown; in a header, when it does not match
  /// ExcludeHeaderFilterRegex and matches HeaderFilterRegex (every header
  /// when there is none).
  bool headerShown(const ir::Finding &F) {
    if (F.Loc.File.empty() || MainFiles.count(absolute(F.Loc.File)))
      return true;
    if (Cfg.ExcludeHeaderFilterRegex && !Cfg.ExcludeHeaderFilterRegex->empty() &&
        llvm::Regex(*Cfg.ExcludeHeaderFilterRegex).match(F.Loc.File))
      return false;
    if (!Cfg.HeaderFilterRegex)
      return true;
    llvm::Regex R(*Cfg.HeaderFilterRegex);
    return !Cfg.HeaderFilterRegex->empty() && R.match(F.Loc.File);
  }

  /// Whether --line-filter and --diff keep \p F: whether it is touched by
  /// the change (LineFilter::accepts; its evidence in \p P).
  bool linesShown(const ir::Program &P, const ir::Finding &F) const {
    return (!Lines || Lines->accepts(F)) &&
           (!Diff || Diff->accepts(F, evidenceFiles(P, F)));
  }

  int lint(const ir::Program &Merged) {
    rules::Context Ctx(Merged);
    for (const auto &C : Checks.Checks)
      C->check(Ctx);
    std::vector<ir::Finding> Findings = std::move(Ctx.findings());

    // One finding per place: a header seen by two files is checked once in
    // the merged program, but two checks may still agree on a spot.
    std::set<std::tuple<std::string, std::string, unsigned, unsigned,
                        std::string>>
        Seen;
    std::vector<ir::Finding> Unique;
    // A header reached by two spellings (-I../include, -I/abs/include) is
    // one file.
    for (ir::Finding &F : Findings)
      if (Seen.insert({F.Check, canonicalPath(F.Loc.File), F.Loc.Line,
                       F.Loc.Column, F.Message})
              .second)
        Unique.push_back(std::move(F));
    Findings = std::move(Unique);

    if (Cfg.WarningsAsErrors)
      for (ir::Finding &F : Findings)
        if (F.Sev == ir::Severity::Warning &&
            rules::globListMatches(*Cfg.WarningsAsErrors, F.Check, false))
          F.Sev = ir::Severity::Error;

    std::vector<ir::Finding> Suppressed;
    applyNolint(Findings, Sources, &Suppressed);
    // In source order, as clang prints them; NOLINT's own errors included.
    std::stable_sort(Findings.begin(), Findings.end(),
                     [](const ir::Finding &A, const ir::Finding &B) {
                       return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column) <
                              std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column);
                     });

    std::string Root = projectRoot();
    std::vector<std::string> Prints = fingerprints(Findings, Sources, Root);
    if (!O.WriteBaseline.empty()) {
      Status S = writeBaseline(O.WriteBaseline, Findings, Prints, Root);
      if (!S)
        return error(ExitStatus::UsageError, S.message());
    }

    std::multiset<std::string> Baseline;
    if (!O.Baseline.empty()) {
      StatusOr<std::multiset<std::string>> B = readBaseline(O.Baseline);
      if (!B)
        return error(ExitStatus::UsageError, B.status().message());
      Baseline = std::move(*B);
      Rep.HasBaseline = true;
    }
    unsigned HeldBack = 0;
    std::vector<ir::Finding> Shown;
    std::vector<std::string> ShownPrints;
    for (size_t I = 0; I < Findings.size(); ++I) {
      const ir::Finding &F = Findings[I];
      if (!headerShown(F) || !linesShown(Merged, F))
        continue;
      auto It = Baseline.find(Prints[I]);
      if (It != Baseline.end()) {
        Baseline.erase(It);
        ++HeldBack;
        Rep.Baselined.push_back({F, Prints[I]});
        continue;
      }
      Shown.push_back(F);
      ShownPrints.push_back(Prints[I]);
    }
    std::vector<std::string> SuppressedPrints =
        fingerprints(Suppressed, Sources, Root);
    for (size_t I = 0; I < Suppressed.size(); ++I)
      if (headerShown(Suppressed[I]) && linesShown(Merged, Suppressed[I]))
        Rep.Suppressed.push_back({Suppressed[I], SuppressedPrints[I]});
    if (!O.Baseline.empty() && !O.Quiet)
      llvm::errs() << "gradlint: " << HeldBack << " finding"
                   << (HeldBack == 1 ? "" : "s") << " held back by baseline "
                   << O.Baseline << "\n";

    if (O.Probe) {
      probe::ProbeOptions PO;
      PO.Steps = O.ProbeSteps;
      ResultCache Cache(O.Cache, ApiDir);
      if (probeWithCache(Merged, Shown, PO, Cache) && O.Verbose)
        llvm::errs() << "gradlint: probe verdicts from cache\n";
      // "Not confirmed" is shown with its numbers, but as a note: it does
      // not fail --fail-on=warning.
      for (ir::Finding &F : Shown)
        if (F.Probe && F.Probe->Kind == ir::VerdictKind::NotConfirmed)
          F.Sev = ir::Severity::Note;
    }
    Rep.Findings = Shown;
    Rep.Fingerprints = ShownPrints;
    if (Capture) {
      *Capture = Rep;
      return exitCode(ExitStatus::Clean);
    }
    if (Status S = Out.write(Rep, Sources, Root); !S)
      return error(ExitStatus::UsageError, S.message());
    if (!O.HtmlDir.empty())
      if (Status H = writeHtmlReport(O.HtmlDir, Rep, Merged, Sources, Root); !H)
        return error(ExitStatus::UsageError, H.message());

    if (!O.ExportFixes.empty()) {
      // `check`'s inputs are facts files; the main source is the first
      // source they name.
      std::string Main = O.CheckCommand ? (Names.empty() ? "" : Names.front())
                         : O.Sources.empty() ? ""
                                             : O.Sources.front();
      Status E = exportFixes(O.ExportFixes, Main, Shown);
      if (!E)
        return error(ExitStatus::UsageError, E.message());
    }
    if (O.Fix) {
      StatusOr<unsigned> N = applyFixes(Shown, Started);
      if (!N)
        return error(ExitStatus::UsageError, N.status().message());
      if (!O.Quiet && *N)
        llvm::errs() << "gradlint: applied " << *N << " fix"
                     << (*N == 1 ? "" : "es") << "\n";
    }

    // The hook fails a commit for findings only: a file it cannot read is
    // reported above, but must not block a good commit.
    if (!Rep.Errors.empty() && !O.PreCommit)
      return exitCode(ExitStatus::AnalysisError);
    // --write-baseline did what was asked: the findings it recorded are
    // accepted, so an adoption script under `set -e` goes on.
    if (!O.WriteBaseline.empty())
      return exitCode(ExitStatus::Clean);
    for (const ir::Finding &F : Shown)
      if (fails(F.Sev, O.Fail))
        return exitCode(ExitStatus::Findings);
    return exitCode(ExitStatus::Clean);
  }

  const Options &O;
  const char *Argv0;
  /// lintToReport(): the report goes here, nothing is written.
  Report *Capture;
  Outputs Out{O};
  std::optional<LineFilter> Lines, Diff;
  /// Before any source is read: --fix refuses files modified since.
  llvm::sys::TimePoint<> Started = std::chrono::system_clock::now();
  Config Cfg;
  ConfigFinder Finder;
  CheckSet Checks;
  Report Rep;
  SourceCache Sources;
  std::set<std::string> MainFiles;
  /// The files the run was given (--pre-commit adds the files that share
  /// their models).
  std::set<std::string> Own;
  std::vector<std::string> Names;
  /// `gradlint check`'s inputs, ordered by source path.
  std::vector<Facts> AllFacts;
  /// The API model of the run's commands (part of the cache keys).
  std::string ApiDir;
};

} // namespace

int runMain(int Argc, const char **Argv) {
  StatusOr<Options> O = parseCommandLine(Argc, Argv);
  if (!O)
    return fail(ExitStatus::UsageError, O.status().message());
  if (O->Help) {
    llvm::outs() << helpText();
    return exitCode(ExitStatus::Clean);
  }
  if (O->HelpMan) {
    llvm::outs() << manPage(GRADLINT_VERSION);
    return exitCode(ExitStatus::Clean);
  }
  if (O->BashCompletion) {
    llvm::outs() << bashCompletion();
    return exitCode(ExitStatus::Clean);
  }
  if (O->Version) {
    llvm::outs() << "gradlint version " << GRADLINT_VERSION << " (LLVM "
                 << LLVM_VERSION_STRING << ")\n";
    return exitCode(ExitStatus::Clean);
  }
  if (O->Lsp)
    return runLspServer(*O, Argv[0]);
  if (O->PreCommit) {
    takeTrailingFiles(*O);
    if (O->Sources.empty())
      return exitCode(ExitStatus::Clean); // nothing staged
  }
  if (!O->Explain.empty()) {
    std::optional<llvm::StringRef> Page = checkDoc(O->Explain);
    if (!Page)
      return fail(ExitStatus::UsageError,
                  "unknown check '" + O->Explain +
                      "'; see 'gradlint --list-checks'");
    if (Status S = writeStdout(*Page); !S)
      return fail(ExitStatus::UsageError, S.message());
    return exitCode(ExitStatus::Clean);
  }
  Run R(*O, Argv[0]);
  return R.run();
}

int lintToReport(const Options &O, const char *Argv0, Report &Out) {
  Run R(O, Argv0, &Out);
  return R.run();
}

} // namespace gradlint::lint
