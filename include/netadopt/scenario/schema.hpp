#pragma once
// Every scenario key is declared once, here, with its type, default, unit, allowed range, help
// and (where a default comes from data) its source. The same declaration drives parsing,
// validation, `netadopt describe`, the resolved scenario written into outputs, and the README.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "netadopt/scenario/date.hpp"

namespace netadopt::scenario {

// Text: a short free text such as a platform name, 1 to 64 characters (letters, digits, spaces,
// _ - . ' ( ) / and any UTF-8 beyond ASCII).
// A Text key marked as a path (KeySpec::path: graph.file, fork.checkpoint, ...) may be up to
// 4096 characters (Linux's PATH_MAX), since a cluster's absolute paths are often long.
enum class KeyType { Integer, Real, Date, Choice, Text };
constexpr std::size_t kMaxTextCharacters = 64;
constexpr std::size_t kMaxPathCharacters = 4096;

struct Range {
  double min = -1e300;
  double max = 1e300;
  bool min_open = false;  // true: min itself is not allowed
  bool max_open = false;
};

// The range of every date key: 1900-01-01 to 2199-12-31 (date.hpp).
constexpr Range kDateRange{kFirstDateDay, kLastDateDay};

struct KeySpec {
  std::string name;  // "section.key", as written under [section] in the INI file
  KeyType type = KeyType::Real;
  std::string default_value;         // as it would be written in the file
  std::string unit;                  // "per year", "days", "agents"; "" if dimensionless
  Range range;                       // Integer and Real: numbers; Date: days since 1970-01-01
  std::vector<std::string> choices;  // Choice only
  std::string help;
  std::string source;  // where the default comes from, if from data
  std::string group;   // what it belongs to (a model, a hypothesis); "" for general keys
  // Non-empty for a derived key: it has no default (default_value must be ""), the model
  // derives it from what this says ("culture.employment_protection via the separation
  // mapping (see docs)"), unless the scenario file or a --set gives it. The `= {}` keeps
  // aggregate initialisers that stop at `group` free of -Wmissing-field-initializers.
  std::string derived_from = {};
  // Text only: the value is a file or folder path, allowed kMaxPathCharacters rather than
  // kMaxTextCharacters. Set it with path_key().
  bool path = false;

  bool is_derived() const { return !derived_from.empty(); }
  std::size_t max_characters() const { return path ? kMaxPathCharacters : kMaxTextCharacters; }

  std::string section() const;  // "bass" of "bass.p"
  std::string allowed() const;  // human-readable allowed range, e.g. "(0, 100] per year"
};

// `spec` (a Text key) marked as holding a path: schema.add(path_key({"graph.file", ...})).
inline KeySpec path_key(KeySpec spec) {
  spec.path = true;
  return spec;
}

class Scenario;

// A check that involves several keys (an end date after the start date, shares summing to 1).
// It returns an error message, or nothing when the scenario passes. The loader skips it when
// any key it lists has no valid value: one refused in the file or --set, or a derived key that
// neither gives (so `check` may read every listed key without testing Scenario::has).
struct CrossCheck {
  std::vector<std::string> keys;  // the keys it reads, named in its error
  std::function<std::optional<std::string>(const Scenario&)> check;
};

class Schema {
 public:
  // Throws std::logic_error on a duplicate name, a bad default, or a default given to a derived
  // key (or missing from a plain one).
  void add(KeySpec spec);
  void add_check(CrossCheck check);
  const KeySpec* find(const std::string& name) const;
  const std::vector<KeySpec>& keys() const { return keys_; }
  const std::vector<CrossCheck>& checks() const { return checks_; }
  std::vector<std::string> sections() const;  // in declaration order

  // Forks (run/fork.hpp) may not change what was built at the start. `section_or_key` is a
  // section with its dot ("population.") or a whole key; a whole key's entry wins over its
  // section's, and an empty reason lets that key change in a fork (structural_keys.cpp).
  void declare_structural(std::string section_or_key, std::string reason);
  // Why `key` cannot change in a fork, or nullopt when it can.
  std::optional<std::string> structural_reason(const std::string& key) const;

 private:
  std::vector<KeySpec> keys_;
  std::vector<CrossCheck> checks_;
  std::vector<std::pair<std::string, std::string>> structural_;  // (section. or key, reason)
};

}  // namespace netadopt::scenario
