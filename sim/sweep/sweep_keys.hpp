#pragma once
// Internal to netadopt_sweep: every key a sweep file may hold, declared once with its type,
// default, allowed values and help. Axis keys are declared under the pattern "axis.*.KEY", the
// [base] section's scenario keys under "base.*".
#include <string>
#include <vector>

#include "netadopt/scenario/schema.hpp"

namespace netadopt::sweep::detail {

enum class KeyKind {
  Typed,        // an integer, real or choice, converted by scenario::convert_value
  Path,         // a file path, relative to the sweep file
  ScenarioKey,  // the name of a numeric scenario key
  Numbers,      // a comma-separated list of numbers
  Dates,        // a comma-separated list of dates YYYY-MM-DD
  Override,     // [base]: a scenario key's value, checked by the scenario loader as --set
};

struct SweepKey {
  scenario::KeySpec spec;  // name, type (Typed only), default ("" = none), range, help
  KeyKind kind = KeyKind::Typed;
  std::string allowed;  // for kinds other than Typed
};

const std::vector<SweepKey>& sweep_keys();

// "axis.p.key" -> "axis.*.key", "base.population.size" -> "base.*"; other names unchanged.
std::string pattern_of(const std::string& name);
const SweepKey* find_sweep_key(const std::string& name);
std::string allowed_text(const SweepKey& key);

}  // namespace netadopt::sweep::detail
