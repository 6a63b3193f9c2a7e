#include <cmath>

#include "../essay_fixtures.hpp"

using namespace essay_test;

namespace {
struct Built {
  Population population;
  Network network;
};

Built build(std::uint32_t size, const NetworkParams& params, std::uint64_t seed = 1,
            PopulationParams population_params = PopulationParams{}) {
  population_params.size = size;
  auto s = stream(seed);
  Population population(population_params, s);
  Network network(population, params, s);
  return {std::move(population), std::move(network)};
}

std::array<std::size_t, kOccupations> occupation_counts(const Population& population) {
  std::array<std::size_t, kOccupations> counts{};
  for (std::uint32_t i = 0; i < population.size(); ++i)
    ++counts[static_cast<int>(population.agent(i).occupation)];
  return counts;
}

// Outside tie ends of occupation `from` that lie at occupation `to`.
double outside_ends(const Built& b, Occupation from, Occupation to) {
  double ends = 0.0;
  for (std::uint32_t i = 0; i < b.population.size(); ++i) {
    if (b.population.agent(i).occupation != from) continue;
    for (const Tie& tie : b.network.ties(i))
      ends += tie.kind() == TieKind::Outside && b.population.agent(tie.other()).occupation == to;
  }
  return ends;
}

double mean_outside_degree(const Built& b, Occupation occupation, std::size_t count) {
  double ends = 0.0;
  for (int to = 0; to < kOccupations; ++to)
    ends += outside_ends(b, occupation, static_cast<Occupation>(to));
  return ends / static_cast<double>(count);
}
}  // namespace

TEST_CASE("the network has no self-ties, no repeats, and is symmetric", "[essay][network]") {
  const auto b = build(20000, NetworkParams{});
  check_network_simple(b.network, b.population.size());
  CHECK(b.network.tie_count() > 0);
}

TEST_CASE("colleague and club ties join members of the same firm or club", "[essay][network]") {
  const auto b = build(20000, NetworkParams{});
  for (std::uint32_t i = 0; i < b.population.size(); ++i)
    for (const Tie& tie : b.network.ties(i)) {
      if (tie.kind() == TieKind::Colleague)
        REQUIRE(b.population.agent(tie.other()).firm == b.population.agent(i).firm);
      if (tie.kind() == TieKind::Club)
        REQUIRE(b.population.agent(tie.other()).club == b.population.agent(i).club);
    }
}

TEST_CASE("small firms are cliques and large ones have the colleague degree", "[essay][network]") {
  const auto b = build(20000, NetworkParams{});
  double large_degrees = 0.0, large_members = 0.0;
  for (std::size_t f = 0; f < b.population.firm_count(); ++f) {
    const auto& members = b.population.firm_members(static_cast<std::int32_t>(f));
    if (members.size() <= 11) {
      for (std::uint32_t i : members)
        REQUIRE(count_kind(b.network, i, TieKind::Colleague) == members.size() - 1);
      continue;
    }
    for (std::uint32_t i : members)
      large_degrees += static_cast<double>(count_kind(b.network, i, TieKind::Colleague));
    large_members += static_cast<double>(members.size());
  }
  // round(s k / 2) ties per firm: the mean is k up to rounding and the rare dropped tie.
  CHECK(large_degrees / large_members == Approx(10.0).epsilon(0.01));
}

// The number of outside ties between each pair of occupations is fixed (rounded E), and a
// repeat is redrawn rather than dropped; so the realised degree equals E's row sum up to
// rounding (at most 1.5 tie ends per occupation), not just within sampling error.
TEST_CASE("mean outside degree by occupation is E's row sum", "[essay][network]") {
  const auto b = build(20000, NetworkParams{});
  const auto counts = occupation_counts(b.population);
  const Eigen::Matrix3d expected = expected_outside_ties(counts, NetworkParams{});
  for (int a = 0; a < kOccupations; ++a) {
    const auto n = static_cast<double>(counts[a]);
    CHECK(std::abs(mean_outside_degree(b, static_cast<Occupation>(a), counts[a]) -
                   expected.row(a).sum() / n) <= 1.5 / n);
  }
}

// Preferences proportional to the other side's tie ends (P_ab ~ n_b d_b) are balanced, so each
// occupation's realised mean outside degree is its target d_a.
TEST_CASE("balanced preferences give each occupation its target degree", "[essay][network]") {
  NetworkParams params;
  params.outside_degree = {40.0, 20.0, 4.0};
  const PopulationParams shares;  // 0.15, 0.25, 0.60: exact counts for N = 20000
  double ends = 0.0;
  for (int c = 0; c < kOccupations; ++c)
    ends += shares.occupation_share[c] * params.outside_degree[c];
  for (int a = 0; a < kOccupations; ++a)
    for (int c = 0; c < kOccupations; ++c)
      params.mixing(a, c) = shares.occupation_share[c] * params.outside_degree[c] / ends;
  const auto b = build(20000, params);
  const auto counts = occupation_counts(b.population);
  for (int a = 0; a < kOccupations; ++a)
    CHECK(mean_outside_degree(b, static_cast<Occupation>(a), counts[a]) ==
          Approx(params.outside_degree[a]).epsilon(0.002));
}

TEST_CASE("executives' share of outside ties to executives is E_ee over E's row",
          "[essay][network]") {
  const auto b = build(20000, NetworkParams{});
  const Eigen::Matrix3d expected =
      expected_outside_ties(occupation_counts(b.population), NetworkParams{});
  double all = 0.0;
  for (int to = 0; to < kOccupations; ++to)
    all += outside_ends(b, Occupation::Executive, static_cast<Occupation>(to));
  const double observed = outside_ends(b, Occupation::Executive, Occupation::Executive) / all;
  CHECK(observed == Approx(expected(0, 0) / expected.row(0).sum()).margin(0.002));
  CHECK(observed > 0.5);  // H1: executives mix with executives, far above their 15% share
}

TEST_CASE("the same stream builds the same network, another a different one", "[essay][network]") {
  const auto a = build(5000, NetworkParams{}, 11), b = build(5000, NetworkParams{}, 11),
             c = build(5000, NetworkParams{}, 12);
  bool same = true, differs = false;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const auto &ta = a.network.ties(i), &tb = b.network.ties(i), &tc = c.network.ties(i);
    same = same && ta.size() == tb.size() &&
           std::equal(ta.begin(), ta.end(), tb.begin(), [](const Tie& x, const Tie& y) {
             return x.other() == y.other() && x.kind() == y.kind();
           });
    differs = differs || ta.size() != tc.size() ||
              !std::equal(ta.begin(), ta.end(), tc.begin(),
                          [](const Tie& x, const Tie& y) { return x.other() == y.other(); });
  }
  CHECK(same);
  CHECK(differs);
}

TEST_CASE("a tie takes 4 bytes", "[essay][network]") { CHECK(sizeof(Tie) == 4); }
