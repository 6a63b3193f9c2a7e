#pragma once
// The one knob of the statistical validations: NETADOPT_VALIDATION_SCALE, a number in (0, 1]
// (default 1), scales their replications or population sizes down. The sanitizer stage of CI sets
// it (scripts/check_sanitizers.sh), where a run is 10-20 times slower: the same code paths run, on
// fewer replications. The tests' levels and tolerances come from the sample sizes actually
// drawn, so a smaller scale weakens a test's power, never its level.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

inline double validation_scale() {
  const char* text = std::getenv("NETADOPT_VALIDATION_SCALE");
  if (text == nullptr || *text == '\0') return 1.0;
  char* end = nullptr;
  const double scale = std::strtod(text, &end);
  if (*end != '\0' || !(scale > 0.0 && scale <= 1.0))
    throw std::invalid_argument("NETADOPT_VALIDATION_SCALE = '" + std::string(text) +
                                "': must be a number in (0, 1]");
  return scale;
}

// `full` (replications, or agents) scaled by the knob, at least `minimum`.
inline std::uint64_t validation_scaled(std::uint64_t full, std::uint64_t minimum) {
  const auto scaled =
      static_cast<std::uint64_t>(std::llround(validation_scale() * static_cast<double>(full)));
  return std::max(std::min(full, minimum), scaled);
}
