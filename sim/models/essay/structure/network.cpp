#include "netadopt/models/essay/structure/network.hpp"

#include <algorithm>
#include <cmath>

#include "netadopt/core/stop.hpp"
#include "network_build.hpp"

namespace netadopt::models::essay {

Eigen::Matrix3d expected_outside_ties(const std::array<std::size_t, kOccupations>& occupation_count,
                                      const NetworkParams& params) {
  Eigen::Vector3d stubs;
  for (int a = 0; a < kOccupations; ++a)
    stubs(a) = static_cast<double>(occupation_count[a]) * params.outside_degree[a];
  const Eigen::Matrix3d directed = stubs.asDiagonal() * params.mixing;
  return (directed + directed.transpose()) / 2.0;
}

namespace {
std::array<std::vector<std::uint32_t>, kOccupations> agents_by_occupation(
    const Population& population) {
  std::array<std::vector<std::uint32_t>, kOccupations> groups;
  for (std::uint32_t i = 0; i < population.size(); ++i)
    groups[static_cast<int>(population.agent(i).occupation)].push_back(i);
  return groups;
}

std::array<std::size_t, kOccupations> sizes_of(
    const std::array<std::vector<std::uint32_t>, kOccupations>& groups) {
  return {groups[0].size(), groups[1].size(), groups[2].size()};
}

std::array<double, kOccupations> mean_outside_degree(const Eigen::Matrix3d& expected,
                                                     const std::array<std::size_t, 3>& counts) {
  std::array<double, kOccupations> mean{};
  for (int a = 0; a < kOccupations; ++a)
    if (counts[a] > 0) mean[a] = expected.row(a).sum() / static_cast<double>(counts[a]);
  return mean;
}

double capped_degree(std::size_t group_size, double degree) {
  return std::min(static_cast<double>(group_size) - 1.0, degree);
}

double expected_group_degrees(const Population& population, std::uint32_t i,
                              const NetworkParams& params) {
  const Agent& agent = population.agent(i);
  double degree = 0.0;
  if (agent.firm != kNone)
    degree += capped_degree(population.firm_members(agent.firm).size(), params.colleague_degree);
  if (agent.club != kNone)
    degree += capped_degree(population.club_members(agent.club).size(), params.club_degree);
  return degree;
}
}  // namespace

void reserve_expected_degrees(Adjacency& adjacency, const Population& population,
                              const NetworkParams& params,
                              const std::array<double, kOccupations>& outside_mean) {
  std::vector<std::uint32_t> capacity(population.size());
  for (std::uint32_t i = 0; i < population.size(); ++i) {
    core::poll_stop("drawing the network");
    const double mean = expected_group_degrees(population, i, params) +
                        outside_mean[static_cast<int>(population.agent(i).occupation)];
    capacity[i] = static_cast<std::uint32_t>(std::ceil(mean + 2.0 * std::sqrt(mean)));
  }
  adjacency.reserve_all(capacity);
}

// The order of the steps fixes the order of the stream's draws: do not reorder them.
Network::Network(const Population& population, const NetworkParams& params, core::Stream& stream)
    : adjacency_(population.size()), colleague_degree_(params.colleague_degree) {
  try {
    build(population, params, stream);
  } catch (const core::Stopped&) {
    adjacency_.abandon();
    throw;
  }
}

void Network::build(const Population& population, const NetworkParams& params,
                    core::Stream& stream) {
  const auto groups = agents_by_occupation(population);
  const Eigen::Matrix3d expected = expected_outside_ties(sizes_of(groups), params);
  reserve_expected_degrees(adjacency_, population, params,
                           mean_outside_degree(expected, sizes_of(groups)));
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    tie_group(adjacency_, population.firm_members(static_cast<std::int32_t>(f)),
              params.colleague_degree, TieKind::Colleague, stream);
  for (std::size_t c = 0; c < population.club_count(); ++c)
    tie_group(adjacency_, population.club_members(static_cast<std::int32_t>(c)), params.club_degree,
              TieKind::Club, stream);
  tie_outside(adjacency_, groups, expected, stream);
  adjacency_.trim();  // drop the estimate's spare room
}

std::size_t Network::tie_count() const { return adjacency_.tie_ends() / 2; }

void Network::add_tie(std::uint32_t a, std::uint32_t b, TieKind kind) {
  try_tie(adjacency_, a, b, kind);
}

}  // namespace netadopt::models::essay
