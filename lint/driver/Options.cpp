//===- lint/driver/Options.cpp - The gradlint command line ----------------===//

#include "lint/driver/Options.h"

#include <cstdlib>
#include <cstring>

namespace gradlint::lint {

const char *helpText() {
  return R"(USAGE: gradlint [options] <source>... [-- <compiler args>]
       gradlint probe [options] <model.json>

Finds the mistakes that stop a LibTorch model from learning, and tests each
finding with a brief training run (the probe).

OPTIONS:
  -p <build dir>          read <build dir>/compile_commands.json
  --checks=<globs>        checks to run, clang-tidy style ('-*,gradlint-*');
                          appended to the Checks of the configuration
  --config=<yaml>         configuration as YAML/JSON, in place of .clang-tidy
  --config-file=<file>    configuration file, in place of .clang-tidy
  --dump-config           print the effective configuration and exit
  --list-checks           print the enabled checks and exit
  --line-filter=<json>    report only these lines, as clang-tidy's
                          ('[{"name":"a.cpp","lines":[[1,9]]}]')
  --diff=<rev>            report only lines changed since git revision <rev>
  --export-fixes=<file>   write fix-its as clang-apply-replacements YAML
  --fix                   apply fix-its to the sources
  --quiet                 no informational messages on stderr
  --format=text|json|sarif
                          output format (default text)
  -o <file>               write the report to <file> instead of stdout
  --probe, --no-probe     test findings with the probe (default on)
  --probe-steps=<n>       steps when the loop count is not stated (default 100)
  --dump-model            print the extracted Model IR as JSON and exit
  --baseline=<file>       report only findings not in this baseline
  --write-baseline=<file> record the current findings as a baseline
  --fail-on=error|warning|note|never
                          lowest severity that fails (default warning)
  -j <n>                  analyse <n> files in parallel (default 1)
  --header-mode=auto|real|bundled
                          use the bundled LibTorch API model when torch/torch.h
                          is missing (auto), never (real), or always (bundled)
  --version               print the version and exit
  --help                  print this help and exit

EXIT STATUS:
  0 nothing at or above --fail-on   1 findings that fail
  2 usage or configuration error    3 a file could not be analysed
)";
}

namespace {

/// Splits `--name=value` / `--name value` / `-p value` / `-pvalue`.
class ArgCursor {
public:
  ArgCursor(int Argc, const char **Argv) : Argc(Argc), Argv(Argv) {}
  bool done() const { return I >= Argc; }
  std::string_view current() const { return Argv[I]; }
  void next() { ++I; }

  /// If the current argument is option \p Name (with '=' or a separate
  /// value), stores its value and advances past it.
  std::optional<Status> value(std::string_view Name, std::string &Out) {
    std::string_view A = current();
    if (A == Name) {
      if (I + 1 >= Argc)
        return Status::error("option '" + std::string(Name) +
                             "' needs a value");
      Out = Argv[I + 1];
      I += 2;
      return Status::ok();
    }
    if (A.size() > Name.size() && A.substr(0, Name.size()) == Name &&
        A[Name.size()] == '=') {
      Out = std::string(A.substr(Name.size() + 1));
      ++I;
      return Status::ok();
    }
    // Short options also take their value glued on: -j4, -pbuild.
    if (Name.size() == 2 && Name[0] == '-' && Name[1] != '-' &&
        A.size() > 2 && A.substr(0, 2) == Name) {
      Out = std::string(A.substr(2));
      ++I;
      return Status::ok();
    }
    return std::nullopt;
  }

private:
  int Argc;
  const char **Argv;
  int I = 1;
};

bool parseInt(const std::string &S, long Min, long Max, long &Out) {
  if (S.empty())
    return false;
  char *End = nullptr;
  long V = std::strtol(S.c_str(), &End, 10);
  if (*End != '\0' || V < Min || V > Max)
    return false;
  Out = V;
  return true;
}

} // namespace

StatusOr<Options> parseCommandLine(int Argc, const char **Argv) {
  Options O;
  ArgCursor C(Argc, Argv);
  bool First = true;
  while (!C.done()) {
    std::string_view A = C.current();
    if (First && A == "probe") {
      O.ProbeCommand = true;
      C.next();
      First = false;
      continue;
    }
    First = false;
    if (A == "--") {
      std::vector<std::string> Rest;
      for (C.next(); !C.done(); C.next())
        Rest.emplace_back(C.current());
      O.CompilerArgs = std::move(Rest);
      break;
    }
    std::string V;
    std::optional<Status> S;
#define GRADLINT_VALUE(Spelling, Body)                                         \
  if ((S = C.value(Spelling, V))) {                                            \
    if (!S->isOk())                                                            \
      return *S;                                                               \
    Body;                                                                      \
    continue;                                                                  \
  }
    GRADLINT_VALUE("-p", O.BuildPath = V)
    GRADLINT_VALUE("--checks", O.Checks = V)
    GRADLINT_VALUE("--config", O.Config = V)
    GRADLINT_VALUE("--config-file", O.ConfigFile = V)
    GRADLINT_VALUE("--line-filter", O.LineFilter = V)
    GRADLINT_VALUE("--export-fixes", O.ExportFixes = V)
    GRADLINT_VALUE("-o", O.OutputFile = V)
    GRADLINT_VALUE("--output", O.OutputFile = V)
    GRADLINT_VALUE("--baseline", O.Baseline = V)
    GRADLINT_VALUE("--write-baseline", O.WriteBaseline = V)
    GRADLINT_VALUE("--diff", {
      // An empty revision would silently mean "no filter".
      if (V.empty())
        return Status::error("--diff: expected a git revision");
      O.DiffRev = V;
    })
    GRADLINT_VALUE("--format", {
      if (V == "text")
        O.Format = OutputFormat::Text;
      else if (V == "json")
        O.Format = OutputFormat::Json;
      else if (V == "sarif")
        O.Format = OutputFormat::Sarif;
      else
        return Status::error("invalid --format '" + V +
                             "': expected text, json or sarif");
    })
    GRADLINT_VALUE("--fail-on", {
      if (V == "error")
        O.Fail = FailOn::Error;
      else if (V == "warning")
        O.Fail = FailOn::Warning;
      else if (V == "note")
        O.Fail = FailOn::Note;
      else if (V == "never")
        O.Fail = FailOn::Never;
      else
        return Status::error("invalid --fail-on '" + V +
                             "': expected error, warning, note or never");
    })
    GRADLINT_VALUE("--header-mode", {
      if (V == "auto")
        O.Headers = HeaderMode::Auto;
      else if (V == "real")
        O.Headers = HeaderMode::Real;
      else if (V == "bundled")
        O.Headers = HeaderMode::Bundled;
      else
        return Status::error("invalid --header-mode '" + V +
                             "': expected auto, real or bundled");
    })
    GRADLINT_VALUE("--probe-steps", {
      long N;
      if (!parseInt(V, 1, 100000, N))
        return Status::error("invalid --probe-steps '" + V +
                             "': expected an integer from 1 to 100000");
      O.ProbeSteps = static_cast<int>(N);
    })
    GRADLINT_VALUE("-j", {
      long N;
      if (!parseInt(V, 1, 256, N))
        return Status::error("invalid -j '" + V +
                             "': expected an integer from 1 to 256");
      O.Jobs = static_cast<unsigned>(N);
    })
#undef GRADLINT_VALUE
    if (A == "--dump-config") {
      O.DumpConfig = true;
    } else if (A == "--list-checks") {
      O.ListChecks = true;
    } else if (A == "--fix") {
      O.Fix = true;
    } else if (A == "--quiet") {
      O.Quiet = true;
    } else if (A == "--probe") {
      O.Probe = true;
    } else if (A == "--no-probe") {
      O.Probe = false;
    } else if (A == "--dump-model") {
      O.DumpModel = true;
    } else if (A == "--version") {
      O.Version = true;
    } else if (A == "--help" || A == "-h" || A == "-help") {
      O.Help = true;
    } else if (A.size() > 1 && A[0] == '-') {
      return Status::error("unknown option '" + std::string(A) +
                           "'; see 'gradlint --help'");
    } else {
      O.Sources.emplace_back(A);
    }
    C.next();
  }
  if (O.Help || O.Version)
    return O;
  if (O.ProbeCommand) {
    if (O.Sources.size() != 1)
      return Status::error("'gradlint probe' takes exactly one model file");
    if (O.CompilerArgs)
      return Status::error("'gradlint probe' takes no compiler arguments");
  } else if (O.Sources.empty() && !O.DumpConfig && !O.ListChecks) {
    return Status::error("no input files; see 'gradlint --help'");
  }
  if (!O.Config && O.ConfigFile.empty()) {
    // Fine: .clang-tidy files are searched.
  } else if (O.Config && !O.ConfigFile.empty()) {
    return Status::error("--config and --config-file are mutually exclusive");
  }
  if (!O.Baseline.empty() && O.Baseline == O.WriteBaseline) {
    // Reading and rewriting one file in a run is allowed: write after read.
  }
  return O;
}

} // namespace gradlint::lint
