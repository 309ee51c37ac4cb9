//===- lint/driver/RunConfig.cpp - A run's configuration and checks -------===//
//
// The configuration (.clang-tidy, --config, the command line's flags over
// it), the line filters (--line-filter, --diff, --pre-commit) and the checks
// it enables, each with its options; every error is a configuration error.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Run.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <cstdlib>

namespace gradlint::lint {

namespace {

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

/// \p Message at \p Key's place in the configuration file, when known:
/// `.clang-tidy:3:5: <Message>` (failAt prints it as a compiler would).
std::string at(const Config &C, const std::string &Key,
               const std::string &Message) {
  auto It = C.Where.find(Key);
  if (It == C.Where.end() || It->second.empty())
    return Message;
  return It->second + ": " + Message;
}

} // namespace

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

int Run::configure() {
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

} // namespace gradlint::lint
