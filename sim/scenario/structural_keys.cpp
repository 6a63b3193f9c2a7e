// Which keys describe what a run built at its start, and so cannot change in a fork. Each
// model declares its own next to its keys; the fork (run/fork.cpp) only asks.
#include <stdexcept>

#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario {

void Schema::declare_structural(std::string section_or_key, std::string reason) {
  for (const auto& [name, why] : structural_)
    if (name == section_or_key)
      throw std::logic_error("Schema: '" + section_or_key + "' declared structural twice");
  structural_.emplace_back(std::move(section_or_key), std::move(reason));
}

std::optional<std::string> Schema::structural_reason(const std::string& key) const {
  for (const auto& [name, why] : structural_)
    if (name == key) return why.empty() ? std::nullopt : std::optional<std::string>(why);
  for (const auto& [name, why] : structural_)
    if (name.back() == '.' && key.starts_with(name)) return why;
  return std::nullopt;
}

}  // namespace netadopt::scenario
