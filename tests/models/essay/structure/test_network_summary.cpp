#include "../essay_fixtures.hpp"

using namespace essay_test;

TEST_CASE("the summary's mean degrees and role counts are direct counts", "[essay][summary]") {
  auto s = stream();
  const Population population(population_of(5000), s);
  const Network network(population, NetworkParams{}, s);
  const NetworkSummary summary = summarize_network(population, network, s);
  std::array<std::array<double, kTieKinds>, kRoles> ends{};
  for (std::uint32_t i = 0; i < population.size(); ++i)
    for (int k = 0; k < kTieKinds; ++k)
      ends[static_cast<int>(population.role(i))][k] +=
          static_cast<double>(count_kind(network, i, static_cast<TieKind>(k)));
  for (int r = 0; r < kRoles; ++r) {
    CHECK(summary.role_count[r] == population.count(static_cast<Role>(r)));
    for (int k = 0; k < kTieKinds; ++k)
      CHECK(summary.mean_degree[r][k] ==
            Approx(ends[r][k] / static_cast<double>(summary.role_count[r])));
  }
}

TEST_CASE("a network of cliques has clustering 1", "[essay][summary]") {
  NetworkParams params;
  params.colleague_degree = 1000.0;  // every firm a clique
  params.club_degree = 0.0;
  params.outside_degree = {0.0, 0.0, 0.0};
  auto s = stream();
  const Population population(population_of(5000), s);
  const Network network(population, params, s);
  CHECK(summarize_network(population, network, s).clustering == 1.0);
}

// A random graph of mean degree ~20 on 20000 nodes has clustering ~ 20 / 20000 = 0.001.
TEST_CASE("a random network has clustering near zero", "[essay][summary]") {
  NetworkParams params;
  params.colleague_degree = 0.0;
  params.club_degree = 0.0;
  auto s = stream();
  const Population population(population_of(20000), s);
  const Network network(population, params, s);
  CHECK(summarize_network(population, network, s).clustering < 0.01);
}

TEST_CASE("size histograms count every firm and club in log2 bins", "[essay][summary]") {
  auto s = stream();
  const Population population(population_of(5000), s);
  const Network network(population, NetworkParams{}, s);
  const NetworkSummary summary = summarize_network(population, network, s);
  std::uint64_t firms = 0, clubs = 0, singletons = 0;
  for (std::uint64_t n : summary.firm_size_histogram) firms += n;
  for (std::uint64_t n : summary.club_size_histogram) clubs += n;
  for (std::size_t f = 0; f < population.firm_count(); ++f)
    singletons += population.firm_members(static_cast<std::int32_t>(f)).size() == 1;
  CHECK(firms == population.firm_count());
  CHECK(clubs == population.club_count());
  CHECK(summary.firm_size_histogram[0] == singletons);
  REQUIRE(summary.size_bins.size() >= 3);
  CHECK(summary.size_bins[0] == 1.0);
  CHECK(summary.size_bins[2] == 4.0);
}
