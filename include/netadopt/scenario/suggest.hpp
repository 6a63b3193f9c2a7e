#pragma once
// "Did you mean ...?" for a mistyped key.
#include <optional>
#include <string>

#include "netadopt/scenario/schema.hpp"

namespace netadopt::scenario::detail {

std::size_t edit_distance(const std::string& a, const std::string& b);  // Levenshtein

// The schema key closest to `name`, if close enough to be the likely intent: a typo or two
// ("bass.qq" -> "bass.q"), or the right key under the wrong section ("run.p" -> "bass.p").
std::optional<std::string> closest_key(const Schema& schema, const std::string& name);

}  // namespace netadopt::scenario::detail
