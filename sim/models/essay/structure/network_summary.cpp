// The network as a run reports it at time 0. Clustering is the share of closed wedges (paths
// j - i - k), estimated from uniformly drawn wedges: the centre i is drawn with weight
// d_i (d_i - 1) / 2, its number of wedges, then two distinct neighbours; 4000 wedges give a
// standard error below 0.008.
#include <algorithm>
#include <cstdint>

#include "netadopt/models/essay/structure/network.hpp"

namespace netadopt::models::essay {

namespace {
constexpr int kWedgeSamples = 4000;

void count_degrees(NetworkSummary& summary, const Population& population, const Network& network) {
  for (std::uint32_t i = 0; i < population.size(); ++i) {
    const auto role = static_cast<std::size_t>(population.role(i));
    ++summary.role_count[role];
    for (const Tie& tie : network.ties(i))
      summary.mean_degree[role][static_cast<std::size_t>(tie.kind())] += 1.0;
  }
  for (std::size_t r = 0; r < kRoles; ++r)
    for (double& degree : summary.mean_degree[r])
      if (summary.role_count[r] > 0) degree /= static_cast<double>(summary.role_count[r]);
}

bool adjacent(const Network& network, std::uint32_t a, std::uint32_t b) {
  if (network.ties(b).size() < network.ties(a).size()) std::swap(a, b);
  const auto& ties = network.ties(a);
  return std::any_of(ties.begin(), ties.end(), [b](const Tie& tie) { return tie.other() == b; });
}

std::vector<double> cumulative_wedges(const Network& network, std::size_t agents) {
  std::vector<double> cumulative(agents);
  double total = 0.0;
  for (std::uint32_t i = 0; i < agents; ++i) {
    const auto degree = static_cast<double>(network.ties(i).size());
    cumulative[i] = total += degree * (degree - 1.0) / 2.0;
  }
  return cumulative;
}

bool closed_wedge(const Network& network, std::uint32_t centre, core::Stream& stream) {
  const auto& ties = network.ties(centre);
  const std::uint64_t j = stream.uniform_index(ties.size());
  std::uint64_t k = stream.uniform_index(ties.size() - 1);
  if (k >= j) ++k;
  return adjacent(network, ties[j].other(), ties[k].other());
}

double sampled_clustering(const Network& network, std::size_t agents, core::Stream& stream) {
  const auto cumulative = cumulative_wedges(network, agents);
  if (cumulative.empty() || !(cumulative.back() > 0.0)) return 0.0;
  int closed = 0;
  for (int s = 0; s < kWedgeSamples; ++s) {
    const double target = stream.uniform01() * cumulative.back();
    const auto centre = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    closed +=
        closed_wedge(network, static_cast<std::uint32_t>(centre - cumulative.begin()), stream);
  }
  return closed / static_cast<double>(kWedgeSamples);
}

std::size_t log2_bin(std::size_t size) {  // smallest b with 2^b >= size
  std::size_t bin = 0;
  while ((std::size_t{1} << bin) < size) ++bin;
  return bin;
}

// Groups per bin (empty groups are left out), the histogram grown to the bins used.
template <typename MembersOf>
std::vector<std::uint64_t> size_histogram(std::size_t groups, MembersOf members_of) {
  std::vector<std::uint64_t> histogram;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t size = members_of(static_cast<std::int32_t>(g)).size();
    if (size == 0) continue;
    const std::size_t bin = log2_bin(size);
    if (histogram.size() <= bin) histogram.resize(bin + 1, 0);
    ++histogram[bin];
  }
  return histogram;
}

void histograms(NetworkSummary& summary, const Population& population) {
  summary.firm_size_histogram = size_histogram(
      population.firm_count(), [&](std::int32_t f) -> auto& { return population.firm_members(f); });
  summary.club_size_histogram = size_histogram(
      population.club_count(), [&](std::int32_t c) -> auto& { return population.club_members(c); });
  const std::size_t bins =
      std::max(summary.firm_size_histogram.size(), summary.club_size_histogram.size());
  summary.firm_size_histogram.resize(bins, 0);
  summary.club_size_histogram.resize(bins, 0);
  for (std::size_t b = 0; b < bins; ++b)
    summary.size_bins.push_back(static_cast<double>(std::uint64_t{1} << b));
}
}  // namespace

NetworkSummary summarize_network(const Population& population, const Network& network,
                                 core::Stream& stream) {
  NetworkSummary summary;
  count_degrees(summary, population, network);
  summary.clustering = sampled_clustering(network, population.size(), stream);
  histograms(summary, population);
  return summary;
}

}  // namespace netadopt::models::essay
