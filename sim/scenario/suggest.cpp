#include "netadopt/scenario/suggest.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace netadopt::scenario::detail {

namespace {
// "p" of "bass.p"; a name without a section is all key.
std::string key_part(const std::string& name) { return name.substr(name.find('.') + 1); }

std::size_t typo_budget(const std::string& name) {
  return std::clamp<std::size_t>(name.size() / 3, 1, 3);
}

std::size_t distance_to(const std::string& name, const KeySpec& spec) {
  if (key_part(name) == key_part(spec.name)) return 1;
  return edit_distance(name, spec.name);
}
}  // namespace

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_key(const Schema& schema, const std::string& name) {
  const KeySpec* best = nullptr;
  std::size_t best_distance = typo_budget(name) + 1;
  for (const auto& spec : schema.keys()) {
    const std::size_t distance = distance_to(name, spec);
    if (distance >= best_distance) continue;
    best = &spec;
    best_distance = distance;
  }
  if (best == nullptr) return std::nullopt;
  return best->name;
}

}  // namespace netadopt::scenario::detail
