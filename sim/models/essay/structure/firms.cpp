#include <algorithm>
#include <numeric>

#include "population_build.hpp"
#include "sampling.hpp"

namespace netadopt::models::essay {

std::vector<std::uint32_t> draw_firm_sizes(std::size_t employed, const PopulationParams& params,
                                           core::Stream& stream) {
  std::vector<std::uint32_t> sizes;
  for (std::size_t placed = 0; placed < employed;) {
    const std::size_t size =
        draw_power_law_size(stream, params.firm_size_exponent, params.firm_max_size);
    sizes.push_back(static_cast<std::uint32_t>(std::min(size, employed - placed)));
    placed += sizes.back();
  }
  return sizes;
}

namespace {
std::vector<std::size_t> largest_first(const std::vector<std::uint32_t>& sizes) {
  std::vector<std::size_t> order(sizes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

bool is_executive(const Agent& agent) { return agent.occupation == Occupation::Executive; }

// Puts an executive at the head of each firm, largest firms first; marks who was placed.
std::vector<bool> place_heads(const std::vector<std::uint32_t>& employed,
                              const std::vector<Agent>& agents,
                              const std::vector<std::uint32_t>& sizes,
                              std::vector<std::vector<std::uint32_t>>& members) {
  std::vector<bool> placed(employed.size(), false);
  std::size_t next = 0;
  for (std::size_t firm : largest_first(sizes)) {
    while (next < employed.size() && !is_executive(agents[employed[next]])) ++next;
    if (next == employed.size()) break;
    members[firm].push_back(employed[next]);
    placed[next++] = true;
  }
  return placed;
}
}  // namespace

std::vector<std::vector<std::uint32_t>> staff_firms(const std::vector<std::uint32_t>& employed,
                                                    const std::vector<Agent>& agents,
                                                    const std::vector<std::uint32_t>& sizes) {
  std::vector<std::vector<std::uint32_t>> members(sizes.size());
  const std::vector<bool> placed = place_heads(employed, agents, sizes, members);
  std::size_t firm = 0;
  for (std::size_t k = 0; k < employed.size(); ++k) {
    if (placed[k]) continue;
    while (members[firm].size() == sizes[firm]) ++firm;
    members[firm].push_back(employed[k]);
  }
  return members;
}

}  // namespace netadopt::models::essay
