#pragma once
// Every scenario key is declared once, here, with its type, default, unit, allowed range, help
// and (where a default comes from data) its source. The same declaration drives parsing,
// validation, `netadopt describe`, the resolved scenario written into outputs, and the README.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "netadopt/scenario/date.hpp"

namespace netadopt::scenario {

// Text: a short free text such as a platform name, 1 to 64 characters (letters, digits, spaces,
// _ - . ' ( ) / and any UTF-8 beyond ASCII).
enum class KeyType { Integer, Real, Date, Choice, Text };
constexpr std::size_t kMaxTextCharacters = 64;

struct Range {
  double min = -1e300;
  double max = 1e300;
  bool min_open = false;  // true: min itself is not allowed
  bool max_open = false;
};

// The range of every date key: 1900-01-01 to 2199-12-31 (date.hpp).
constexpr Range kDateRange{kFirstDateDay, kLastDateDay};

struct KeySpec {
  std::string name;           // "section.key", as written under [section] in the INI file
  KeyType type = KeyType::Real;
  std::string default_value;  // as it would be written in the file
  std::string unit;           // "per year", "days", "agents"; "" if dimensionless
  Range range;                // Integer and Real: numbers; Date: days since 1970-01-01
  std::vector<std::string> choices;  // Choice only
  std::string help;
  std::string source;         // where the default comes from, if from data
  std::string group;          // what it belongs to (a model, a hypothesis); "" for general keys
  // Non-empty for a derived key: it has no default (default_value must be ""), the model
  // derives it from what this says ("culture.employment_protection via the separation
  // mapping (see docs)"), unless the scenario file or a --set gives it. The `= {}` keeps
  // aggregate initialisers that stop at `group` free of -Wmissing-field-initializers.
  std::string derived_from = {};

  bool is_derived() const { return !derived_from.empty(); }

  std::string section() const;  // "bass" of "bass.p"
  std::string allowed() const;  // human-readable allowed range, e.g. "(0, 100] per year"
};

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

 private:
  std::vector<KeySpec> keys_;
  std::vector<CrossCheck> checks_;
};

}  // namespace netadopt::scenario
