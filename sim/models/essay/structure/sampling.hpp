#pragma once
// Sampling helpers of the essay model's structure, all driven by a core::Stream (never <random>,
// whose algorithms differ between standard libraries), so a built population or network is a
// pure function of the stream.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "netadopt/core/random.hpp"

namespace netadopt::models::essay {

// Fisher-Yates, drawing indices with the stream.
template <typename T>
void shuffle(std::vector<T>& items, core::Stream& stream) {
  for (std::size_t i = items.size(); i > 1; --i)
    std::swap(items[i - 1], items[stream.uniform_index(i)]);
}

// Counts that sum exactly to `total`, each floor(share * total) plus one for the largest
// remainders (Hamilton's method); ties go to the lower index. Shares must sum to 1.
std::array<std::size_t, 3> largest_remainder_counts(const std::array<double, 3>& shares,
                                                    std::size_t total);

// A firm size from a discrete power law with tail P(S = s) ~ s^-exponent, s >= 1: the floor of
// a continuous Pareto draw X = (1 - U)^(-1 / (exponent - 1)), capped at max_size. So
// P(S = s) = s^-(a-1) - (s+1)^-(a-1) exactly below the cap (in particular P(S = 1) =
// 1 - 2^-(a-1)), which behaves as (a - 1) s^-a in the tail. Requires exponent > 1.
std::uint32_t draw_power_law_size(core::Stream& stream, double exponent, std::uint32_t max_size);

}  // namespace netadopt::models::essay
