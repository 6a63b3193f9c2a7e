#include "sampling.hpp"

#include <algorithm>
#include <cmath>

namespace netadopt::models::essay {

namespace {
// Indices 0..2 by decreasing fractional part of share * total; ties to the lower index.
std::array<std::size_t, 3> by_remainder(const std::array<double, 3>& exact) {
  std::array<std::size_t, 3> order{0, 1, 2};
  auto fraction = [&](std::size_t k) { return exact[k] - std::floor(exact[k]); };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return fraction(a) > fraction(b); });
  return order;
}
}  // namespace

std::array<std::size_t, 3> largest_remainder_counts(const std::array<double, 3>& shares,
                                                    std::size_t total) {
  std::array<double, 3> exact{};
  std::array<std::size_t, 3> counts{};
  for (std::size_t k = 0; k < 3; ++k) {
    exact[k] = shares[k] * static_cast<double>(total);
    counts[k] = static_cast<std::size_t>(std::floor(exact[k]));
  }
  std::size_t assigned = counts[0] + counts[1] + counts[2];
  const auto order = by_remainder(exact);
  for (std::size_t k = 0; assigned < total; ++assigned, k = (k + 1) % 3) ++counts[order[k]];
  for (; assigned > total; --assigned)  // shares a hair above 1: take from the largest
    --*std::max_element(counts.begin(), counts.end());
  return counts;
}

std::uint32_t draw_power_law_size(core::Stream& stream, double exponent, std::uint32_t max_size) {
  const double x = std::pow(1.0 - stream.uniform01(), -1.0 / (exponent - 1.0));
  if (!(x < static_cast<double>(max_size))) return max_size;
  return static_cast<std::uint32_t>(std::floor(x));
}

}  // namespace netadopt::models::essay
