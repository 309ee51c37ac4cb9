//===- rules/Check.h - The interface every check implements ----*- C++ -*-===//

#ifndef GRADLINT_RULES_CHECK_H
#define GRADLINT_RULES_CHECK_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <map>
#include <string>
#include <vector>

namespace gradlint::rules {

/// Check options as clang-tidy's CheckOptions spell them: the full key
/// ("gradlint-tiny-learning-rate.Threshold") to its string value.
using OptionMap = std::map<std::string, std::string>;

/// Reads one check's options, remembering bad values as errors so the
/// driver can report them as configuration errors.
class OptionReader {
public:
  OptionReader(std::string CheckName, const OptionMap &Options,
               std::vector<std::string> &Errors)
      : CheckName(std::move(CheckName)), Options(Options), Errors(Errors) {}

  double get(const std::string &Key, double Default);
  int64_t get(const std::string &Key, int64_t Default);
  int get(const std::string &Key, int Default) {
    return static_cast<int>(get(Key, static_cast<int64_t>(Default)));
  }
  bool get(const std::string &Key, bool Default);
  std::string get(const std::string &Key, const char *Default);

private:
  const std::string *find(const std::string &Key);
  std::string CheckName;
  const OptionMap &Options;
  std::vector<std::string> &Errors;
};

/// Collects findings from checks.
class Context {
public:
  explicit Context(const ir::Program &P) : Prog(P) {}
  const ir::Program &program() const { return Prog; }
  void report(ir::Finding F) { Findings.push_back(std::move(F)); }
  std::vector<ir::Finding> &findings() { return Findings; }

private:
  const ir::Program &Prog;
  std::vector<ir::Finding> Findings;
};

/// A check: small and stateless. It reads its options once in its
/// constructor, echoes them in storeOptions(), and walks the IR.
class Check {
public:
  explicit Check(std::string Name) : Name(std::move(Name)) {}
  virtual ~Check() = default;
  const std::string &name() const { return Name; }

  /// Reports findings on \p Ctx.program().
  virtual void check(Context &Ctx) const = 0;
  /// Writes every option with its current value (for --dump-config).
  virtual void storeOptions(OptionMap &Options) const {}

protected:
  /// "gradlint-x.Key".
  std::string key(const std::string &Option) const {
    return Name + "." + Option;
  }
  /// A finding of this check at \p Loc.
  ir::Finding finding(const ir::SourceLoc &Loc, std::string Message,
                      ir::Severity Sev = ir::Severity::Warning) const;

private:
  std::string Name;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_CHECK_H
