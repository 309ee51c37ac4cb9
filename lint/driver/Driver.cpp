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
#include "lint/driver/Frontend.h"
#include "lint/driver/LineFilter.h"
#include "lint/driver/Nolint.h"
#include "lint/driver/Options.h"
#include "lint/driver/ProjectLayout.h"
#include "lint/report/BoundedInput.h"
#include "lint/report/Fixes.h"
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

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, true);
  return std::string(A);
}

/// The git top level above the current directory, else the directory.
std::string projectRoot() {
  llvm::SmallString<256> Dir;
  llvm::sys::fs::current_path(Dir);
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
        return Status::error("unknown check '" + G + "' in configuration");
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
  if (!Errors.empty())
    return Status::error(Errors.front());
  for (const auto &KV : C.CheckOptions) {
    llvm::StringRef Key = KV.first;
    if (!Key.starts_with("gradlint-"))
      continue; // clang-tidy's own checks share the file
    llvm::StringRef Check = Key.split('.').first;
    if (!isKnownCheck(Check))
      return Status::error("unknown check '" + Check.str() + "' in option '" +
                           Key.str() + "'");
    if (!KnownKeys.contains(Key))
      return Status::error("unknown option '" + Key.str() + "'");
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
  Run(const Options &O, const char *Argv0) : O(O), Argv0(Argv0) {}

  int run() {
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

private:
  int configure() {
    std::string Dir;
    if (!O.ProbeCommand && !O.Sources.empty())
      Dir = llvm::sys::path::parent_path(absolute(O.Sources.front())).str();
    else
      Dir = absolute(".");
    if (!O.ConfigFile.empty()) {
      StatusOr<std::string> Text = readFile(O.ConfigFile);
      if (!Text)
        return fail(ExitStatus::UsageError, Text.status().message());
      StatusOr<Config> C = parseConfig(*Text, O.ConfigFile);
      if (!C)
        return fail(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    } else if (O.Config) {
      StatusOr<Config> C = parseConfig(*O.Config, "--config");
      if (!C)
        return fail(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    } else {
      StatusOr<Config> C = Finder.forDirectory(Dir);
      if (!C)
        return fail(ExitStatus::UsageError, C.status().message());
      Cfg = *C;
    }
    if (O.Checks)
      Cfg.Checks = Cfg.Checks && !Cfg.Checks->empty()
                       ? *Cfg.Checks + "," + *O.Checks
                       : *O.Checks;
    if (Cfg.HeaderFilterRegex && !Cfg.HeaderFilterRegex->empty()) {
      llvm::Regex R(*Cfg.HeaderFilterRegex);
      std::string Err;
      if (!R.isValid(Err))
        return fail(ExitStatus::UsageError,
                    "invalid HeaderFilterRegex '" + *Cfg.HeaderFilterRegex +
                        "': " + Err);
    }
    // Before the analysis, which may take minutes.
    if (!O.LineFilter.empty())
      if (StatusOr<LineFilter> L = LineFilter::fromJson(O.LineFilter); !L)
        return fail(ExitStatus::UsageError, L.status().message());
    StatusOr<CheckSet> S = buildChecks(Cfg, O.Checks);
    if (!S)
      return fail(ExitStatus::UsageError, S.status().message());
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

  int extract(ir::Program &Merged) {
    StatusOr<std::unique_ptr<CompileCommands>> DB =
        CompileCommands::create(O, Argv0);
    if (!DB)
      return fail(ExitStatus::UsageError, DB.status().message());
    std::vector<FileCommand> Commands;
    // A folder stands for every C++ file under it.
    std::vector<std::string> Files;
    for (const std::string &Src : O.Sources) {
      if (!llvm::sys::fs::is_directory(Src)) {
        Files.push_back(Src);
        continue;
      }
      std::vector<std::string> Under = cxxFilesUnder(Src);
      if (Under.empty() && !O.Quiet)
        llvm::errs() << "gradlint: note: " << Src << ": no C++ files\n";
      Files.insert(Files.end(), Under.begin(), Under.end());
    }
    bool Guessed = false;
    for (const std::string &Src : Files) {
      if (!llvm::sys::fs::exists(Src)) {
        fail(ExitStatus::AnalysisError, Src + ": no such file");
        Rep.Errors.push_back({Src, "no such file"});
        continue;
      }
      StatusOr<FileCommand> C = (*DB)->commandFor(Src);
      if (!C)
        return fail(ExitStatus::UsageError, C.status().message());
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
    std::vector<FileResult> Results = analyseFiles(Commands, O.Jobs);
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
    return 0;
  }

  /// Writes to -o (whole or not at all) or stdout; a failed write is one
  /// line and exit 2, never read as "findings".
  template <typename Fn> int writeOutput(Fn Write, bool Color = false) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Color);
    Write(OS);
    bool ToStdout = O.OutputFile.empty() || O.OutputFile == "-";
    Status S = ToStdout ? writeStdout(Text)
                        : writeFileAtomically(O.OutputFile, Text);
    if (!S)
      return fail(ExitStatus::UsageError, S.message());
    return 0;
  }

  bool headerShown(const ir::Finding &F) {
    if (!Cfg.HeaderFilterRegex || F.Loc.File.empty())
      return true;
    if (MainFiles.count(absolute(F.Loc.File)))
      return true;
    llvm::Regex R(*Cfg.HeaderFilterRegex);
    return !Cfg.HeaderFilterRegex->empty() && R.match(F.Loc.File);
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

    applyNolint(Findings, Sources);
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
        return fail(ExitStatus::UsageError, S.message());
    }

    std::optional<LineFilter> Lines, Diff;
    if (!O.LineFilter.empty()) {
      StatusOr<LineFilter> L = LineFilter::fromJson(O.LineFilter);
      if (!L)
        return fail(ExitStatus::UsageError, L.status().message());
      Lines = std::move(*L);
    }
    if (!O.DiffRev.empty()) {
      StatusOr<LineFilter> L = LineFilter::fromGitDiff(O.DiffRev);
      if (!L)
        return fail(ExitStatus::UsageError, L.status().message());
      Diff = std::move(*L);
    }
    std::multiset<std::string> Baseline;
    if (!O.Baseline.empty()) {
      StatusOr<std::multiset<std::string>> B = readBaseline(O.Baseline);
      if (!B)
        return fail(ExitStatus::UsageError, B.status().message());
      Baseline = std::move(*B);
    }
    unsigned HeldBack = 0;
    std::vector<ir::Finding> Shown;
    std::vector<std::string> ShownPrints;
    for (size_t I = 0; I < Findings.size(); ++I) {
      const ir::Finding &F = Findings[I];
      if (!headerShown(F) || (Lines && !Lines->accepts(F)) ||
          (Diff && !Diff->accepts(F)))
        continue;
      auto It = Baseline.find(Prints[I]);
      if (It != Baseline.end()) {
        Baseline.erase(It);
        ++HeldBack;
        continue;
      }
      Shown.push_back(F);
      ShownPrints.push_back(Prints[I]);
    }
    if (!O.Baseline.empty() && !O.Quiet)
      llvm::errs() << "gradlint: " << HeldBack << " finding"
                   << (HeldBack == 1 ? "" : "s") << " held back by baseline "
                   << O.Baseline << "\n";

    if (O.Probe) {
      probe::ProbeOptions PO;
      PO.Steps = O.ProbeSteps;
      probe::probeFindings(Merged, Shown, PO);
      // "Not confirmed" is shown with its numbers, but as a note: it does
      // not fail --fail-on=warning.
      for (ir::Finding &F : Shown)
        if (F.Probe && F.Probe->Kind == ir::VerdictKind::NotConfirmed)
          F.Sev = ir::Severity::Note;
    }
    Rep.Findings = Shown;

    bool Color = O.OutputFile.empty() && llvm::outs().has_colors();
    int S = writeOutput([&](llvm::raw_ostream &OS) {
      switch (O.Format) {
      case OutputFormat::Text:
        writeText(OS, Rep, Sources, Color);
        break;
      case OutputFormat::Json:
        writeJson(OS, Rep);
        break;
      case OutputFormat::Sarif:
        writeSarif(OS, Rep, Root, ShownPrints);
        break;
      }
    }, Color);
    if (S)
      return S;

    if (!O.ExportFixes.empty()) {
      Status E = exportFixes(O.ExportFixes,
                             O.Sources.empty() ? "" : O.Sources.front(), Shown);
      if (!E)
        return fail(ExitStatus::UsageError, E.message());
    }
    if (O.Fix) {
      StatusOr<unsigned> N = applyFixes(Shown, Started);
      if (!N)
        return fail(ExitStatus::UsageError, N.status().message());
      if (!O.Quiet && *N)
        llvm::errs() << "gradlint: applied " << *N << " fix"
                     << (*N == 1 ? "" : "es") << "\n";
    }

    if (!Rep.Errors.empty())
      return exitCode(ExitStatus::AnalysisError);
    for (const ir::Finding &F : Shown)
      if (fails(F.Sev, O.Fail))
        return exitCode(ExitStatus::Findings);
    return exitCode(ExitStatus::Clean);
  }

  const Options &O;
  const char *Argv0;
  /// Before any source is read: --fix refuses files modified since.
  llvm::sys::TimePoint<> Started = std::chrono::system_clock::now();
  Config Cfg;
  ConfigFinder Finder;
  CheckSet Checks;
  Report Rep;
  SourceCache Sources;
  std::set<std::string> MainFiles;
  std::vector<std::string> Names;
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
  if (O->Version) {
    llvm::outs() << "gradlint version " << GRADLINT_VERSION << " (LLVM "
                 << LLVM_VERSION_STRING << ")\n";
    return exitCode(ExitStatus::Clean);
  }
  Run R(*O, Argv[0]);
  return R.run();
}

} // namespace gradlint::lint
