//===- lint/driver/Options.cpp - The gradlint command line ----------------===//

#include "lint/driver/Options.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace gradlint::lint {

// One row per option, in --help's order: the synopsis (the names, ", "
// between spellings, then the value as "=<x>", " <x>" or "=a|b|c") and the
// description, '\n' between lines. --help, the man page (--help-man) and the
// bash completion (--bash-completion) are all rendered from this table.
static const OptionDoc OptionTable[] = {
    {"-p <build dir>", "read <build dir>/compile_commands.json; with no\n"
                       "<source>, lint every file it lists"},
    {"--checks=<globs>", "checks to run, clang-tidy style ('-*,gradlint-*');\n"
                         "appended to the Checks of the configuration"},
    {"--config=<yaml>", "configuration as YAML/JSON, in place of .clang-tidy"},
    {"--config-file=<file>", "configuration file, in place of .clang-tidy"},
    {"--dump-config", "print the effective configuration and exit"},
    {"--list-checks", "print the enabled checks and exit"},
    {"--header-filter=<regex>", "also report findings in headers matching it\n"
                                "(overrides HeaderFilterRegex)"},
    {"--exclude-header-filter=<regex>",
     "never report findings in headers matching it"},
    {"--warnings-as-errors=<globs>", "report these checks' warnings as errors\n"
                                     "(overrides WarningsAsErrors)"},
    {"--extra-arg=<flag>", "append a compiler flag to every command"},
    {"--extra-arg-before=<flag>", "prepend a compiler flag to every command"},
    {"--explain=<check>", "print the check's documentation and exit"},
    {"--line-filter=<json>", "report only these lines, as clang-tidy's\n"
                             "('[{\"name\":\"a.cpp\",\"lines\":[[1,9]]}]')"},
    {"--diff=<rev>", "report only lines changed since git revision <rev>"},
    {"--export-fixes=<file>", "write fix-its as clang-apply-replacements YAML"},
    {"--fix", "apply fix-its to the sources"},
    {"--quiet", "no informational messages on stderr"},
    {"--format=text|json|sarif", "output format (default text)"},
    {"-o <file>", "write the report to <file> instead of stdout; a\n"
                  "json or sarif report there leaves the text on stdout"},
    {"--sarif=<file>", "also write a SARIF report to <file> (written on\n"
                       "every exit status once <file> is known)"},
    {"--json=<file>", "also write a JSON report to <file>"},
    {"--html=<dir>", "also write an HTML report with the probe's curves\n"
                     "to <dir>/index.html"},
    {"--lsp", "serve diagnostics to an editor over the Language\n"
              "Server Protocol on stdin/stdout"},
    {"--docs-url=<url>", "base URL of gradlint's docs/ for SARIF help links"},
    {"--probe, --no-probe", "test findings with the probe (default on)"},
    {"--probe-steps=<n>", "steps when the loop count is not stated\n"
                          "(default 100)"},
    {"--dump-model", "print the extracted Model IR as JSON and exit"},
    {"--baseline=<file>", "report only findings not in this baseline"},
    {"--write-baseline=<file>", "record the current findings as a baseline"},
    {"--fail-on=error|warning|note|never",
     "lowest severity that fails (default warning)"},
    {"-j <n>", "analyse <n> files in parallel (default: the\n"
               "number of cores)"},
    {"-v", "say on stderr which files were parsed and which\n"
           "came from the cache"},
    {"--no-cache", "neither read nor write the result cache"},
    {"--shard=K/N", "extract: take the K-th of N slices of the files"},
    {"--facts-dir=<dir>", "extract: write the facts files here (as -o)"},
    {"--facts-root=<dir>", "extract, check: facts name paths relative to this\n"
                           "folder (default: the repository's top level)"},
    {"--header-mode=auto|real|bundled",
     "use the bundled LibTorch API model when torch/torch.h\n"
     "is missing (auto), never (real), or always (bundled)"},
    {"--no-pch", "parse the LibTorch headers (real or bundled) without\n"
                 "a cached precompiled header"},
    {"--pre-commit", "the pre-commit hook: lint the given files and the\n"
                     "repository's files that share includes with them;\n"
                     "report only findings on staged lines (--diff=<rev>\n"
                     "replaces them); no probe, --quiet; only findings fail"},
    {"--version", "print the version and exit"},
    {"--help, -h", "print this help and exit"},
    {"--help-man", "print this help as a man page (roff) and exit"},
    {"--bash-completion", "print a bash completion script and exit"},
};

llvm::ArrayRef<OptionDoc> optionTable() { return OptionTable; }

const char *helpUsage() {
  return "USAGE: gradlint [options] <source>... [-- <compiler args>]\n"
         "       gradlint probe [options] <model.json>\n"
         "       gradlint extract [-p <build dir>] [--shard=K/N] -o <dir> "
         "[<source>...]\n"
         "       gradlint check [options] <facts file or dir>...\n";
}

const char *helpDescription() {
  return "Finds the mistakes that stop a LibTorch model from learning, and "
         "tests each\nfinding with a brief training run (the probe).\n"
         "Long options may also be spelt with one dash, as clang-tidy's: "
         "-checks=...\n";
}

const char *helpExitStatus() {
  return "  0 nothing at or above --fail-on   1 findings that fail\n"
         "  2 usage or configuration error    3 a file could not be "
         "analysed\n";
}

std::string helpText() {
  std::string Out = helpUsage();
  Out += "\n";
  Out += helpDescription();
  Out += "\nOPTIONS:\n";
  // The description starts in column 26; a longer synopsis gets a line of
  // its own.
  const size_t Col = 26;
  for (const OptionDoc &D : optionTable()) {
    std::string Line = "  " + std::string(D.Synopsis);
    std::string_view Help = D.Help;
    if (Line.size() + 1 > Col) {
      Out += Line + "\n";
      Line.clear();
    }
    while (true) {
      size_t NL = Help.find('\n');
      Line.resize(Col, ' ');
      Out += Line;
      Out += Help.substr(0, NL);
      Out += "\n";
      Line.clear();
      if (NL == std::string_view::npos)
        break;
      Help = Help.substr(NL + 1);
    }
  }
  Out += "\nEXIT STATUS:\n";
  Out += helpExitStatus();
  return Out;
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

/// Whether \p Name is a long option of the table (or --output, -o's long
/// spelling): each is also accepted with a single dash.
bool isLongOption(std::string_view Name) {
  if (Name == "output")
    return true;
  for (const OptionDoc &D : optionTable()) {
    std::string_view Syn = D.Synopsis;
    // "--probe, --no-probe", "--format=text|json", "--help, -h".
    while (!Syn.empty()) {
      size_t Comma = Syn.find(", ");
      std::string_view One = Syn.substr(0, Comma);
      if (One.substr(0, 2) == "--") {
        One.remove_prefix(2);
        One = One.substr(0, One.find_first_of("= "));
        if (One == Name)
          return true;
      }
      if (Comma == std::string_view::npos)
        break;
      Syn.remove_prefix(Comma + 2);
    }
  }
  return false;
}

/// clang-tidy's single-dash spelling (`-checks=...`, `-header-filter=...`)
/// as the double-dash one; `-p=dir` as `-p dir`'s glued form.
std::string normalizeDash(std::string_view A) {
  if (A.size() < 3 || A[0] != '-' || A[1] == '-')
    return std::string(A);
  std::string_view Name = A.substr(1, A.find('=') - 1);
  if (isLongOption(Name))
    return "-" + std::string(A);
  if (A.substr(0, 3) == "-p=")
    return "-p" + std::string(A.substr(3));
  return std::string(A);
}

} // namespace

StatusOr<std::pair<unsigned, unsigned>> parseShard(const std::string &S) {
  auto Bad = [&] {
    return Status::error("invalid --shard '" + S +
                         "': expected K/N with 1 <= K <= N <= 10000");
  };
  size_t Slash = S.find('/');
  if (Slash == std::string::npos)
    return Bad();
  long K, N;
  // Digits only: no sign, no spaces, no hex.
  std::string KS = S.substr(0, Slash), NS = S.substr(Slash + 1);
  for (const std::string &Part : {KS, NS})
    if (Part.empty() || Part.find_first_not_of("0123456789") != std::string::npos)
      return Bad();
  if (!parseInt(NS, 1, 10000, N) || !parseInt(KS, 1, N, K))
    return Bad();
  return std::make_pair(static_cast<unsigned>(K), static_cast<unsigned>(N));
}

StatusOr<Options> parseCommandLine(int Argc, const char **Argv) {
  Options O;
  bool ProbeGiven = false;
  // Options before `--` in their double-dash spelling.
  std::vector<std::string> Normal;
  bool Rest = false;
  for (int I = 0; I < Argc; ++I) {
    Rest |= std::string_view(Argv[I]) == "--";
    Normal.push_back(I == 0 || Rest ? std::string(Argv[I])
                                    : normalizeDash(Argv[I]));
  }
  std::vector<const char *> NormalArgv;
  for (const std::string &A : Normal)
    NormalArgv.push_back(A.c_str());
  ArgCursor C(Argc, NormalArgv.data());
  bool First = true;
  while (!C.done()) {
    std::string_view A = C.current();
    if (First && (A == "probe" || A == "extract" || A == "check")) {
      O.ProbeCommand = A == "probe";
      O.ExtractCommand = A == "extract";
      O.CheckCommand = A == "check";
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
    GRADLINT_VALUE("--html", {
      if (V.empty())
        return Status::error("--html: expected a directory");
      O.HtmlDir = V;
    })
    GRADLINT_VALUE("--sarif", O.SarifFile = V)
    GRADLINT_VALUE("--json", O.JsonFile = V)
    GRADLINT_VALUE("--docs-url", O.DocsUrl = V)
    GRADLINT_VALUE("--explain", O.Explain = V)
    GRADLINT_VALUE("--header-filter", O.HeaderFilter = V)
    GRADLINT_VALUE("--exclude-header-filter", O.ExcludeHeaderFilter = V)
    GRADLINT_VALUE("--warnings-as-errors", O.WarningsAsErrors = V)
    GRADLINT_VALUE("--extra-arg", O.ExtraArgs.push_back(V))
    GRADLINT_VALUE("--extra-arg-before", O.ExtraArgsBefore.push_back(V))
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
    GRADLINT_VALUE("--facts-dir", {
      if (V.empty())
        return Status::error("--facts-dir: expected a directory");
      O.FactsDir = V;
    })
    GRADLINT_VALUE("--facts-root", {
      if (V.empty())
        return Status::error("--facts-root: expected a directory");
      O.FactsRoot = V;
    })
    GRADLINT_VALUE("--shard", {
      auto Sh = parseShard(V);
      if (!Sh)
        return Sh.status();
      O.ShardIndex = Sh->first;
      O.ShardCount = Sh->second;
    })
#undef GRADLINT_VALUE
    if (A == "--dump-config") {
      O.DumpConfig = true;
    } else if (A == "--list-checks") {
      O.ListChecks = true;
    } else if (A == "--fix") {
      O.Fix = true;
    } else if (A == "--no-cache") {
      O.Cache = false;
    } else if (A == "-v" || A == "--verbose") {
      O.Verbose = true;
    } else if (A == "--quiet") {
      O.Quiet = true;
    } else if (A == "--probe") {
      O.Probe = true;
      ProbeGiven = true;
    } else if (A == "--no-probe") {
      O.Probe = false;
    } else if (A == "--no-pch") {
      O.Pch = false;
    } else if (A == "--dump-model") {
      O.DumpModel = true;
    } else if (A == "--lsp") {
      O.Lsp = true;
    } else if (A == "--version") {
      O.Version = true;
    } else if (A == "--help" || A == "-h" || A == "-help") {
      O.Help = true;
    } else if (A == "--help-man") {
      O.HelpMan = true;
    } else if (A == "--bash-completion") {
      O.BashCompletion = true;
    } else if (A == "--pre-commit") {
      O.PreCommit = true;
    } else if (A.size() > 1 && A[0] == '-') {
      return Status::error("unknown option '" + std::string(A) +
                           "'; see 'gradlint --help'");
    } else {
      O.Sources.emplace_back(A);
    }
    C.next();
  }
  if (O.Jobs == 0)
    O.Jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  if (O.Help || O.Version || O.HelpMan || O.BashCompletion ||
      !O.Explain.empty())
    return O;
  if (O.Lsp) {
    // The editor names the files; options given here apply to each.
    if (!O.Sources.empty() || O.ProbeCommand)
      return Status::error("--lsp takes no input files");
    return O;
  }
  if (O.PreCommit) {
    // The hook's defaults; an explicit --probe wins.
    O.Quiet = true;
    if (!ProbeGiven)
      O.Probe = false;
    if (O.ProbeCommand || O.ExtractCommand || O.CheckCommand)
      return Status::error("--pre-commit lints sources, not a model or "
                           "facts file");
  }
  if (O.ShardCount && !O.ExtractCommand)
    return Status::error("--shard is an option of 'gradlint extract'");
  if (!O.FactsDir.empty() && !O.ExtractCommand)
    return Status::error("--facts-dir is an option of 'gradlint extract'");
  if (!O.FactsRoot.empty() && !O.ExtractCommand && !O.CheckCommand)
    return Status::error("--facts-root is an option of 'gradlint extract' "
                         "and 'gradlint check'");
  if (O.ExtractCommand) {
    if (O.FactsDir.empty())
      O.FactsDir = O.OutputFile;
    if (O.FactsDir.empty())
      return Status::error("'gradlint extract' needs -o <dir> or "
                           "--facts-dir=<dir>");
    if (O.Sources.empty() && O.BuildPath.empty())
      return Status::error("'gradlint extract' needs -p <build dir> or "
                           "source files");
  } else if (O.CheckCommand) {
    if (O.Sources.empty())
      return Status::error("'gradlint check' needs facts files or a "
                           "directory of them");
    if (O.CompilerArgs)
      return Status::error("'gradlint check' takes no compiler arguments");
  } else if (O.ProbeCommand) {
    if (O.Sources.size() != 1)
      return Status::error("'gradlint probe' takes exactly one model file");
    if (O.CompilerArgs)
      return Status::error("'gradlint probe' takes no compiler arguments");
  } else if (O.Sources.empty() && !O.DumpConfig && !O.ListChecks &&
             !O.PreCommit && O.BuildPath.empty()) {
    // --pre-commit may get its files after `--` (PreCommit.h); -p alone
    // lints the whole compile database.
    return Status::error("no input files; see 'gradlint --help'");
  }
  if (!O.Config && O.ConfigFile.empty()) {
    // Fine: .clang-tidy files are searched.
  } else if (O.Config && !O.ConfigFile.empty()) {
    return Status::error("--config and --config-file are mutually exclusive");
  }
  // Two reports into one file: the second would overwrite the first.
  std::vector<std::string> Outs;
  for (const std::string *F : {&O.OutputFile, &O.SarifFile, &O.JsonFile})
    if (!F->empty() && *F != "-") {
      for (const std::string &Prev : Outs)
        if (Prev == *F)
          return Status::error("two reports written to '" + *F + "'");
      Outs.push_back(*F);
    }
  return O;
}

} // namespace gradlint::lint
