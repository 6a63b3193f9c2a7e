#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "netadopt/core/random.hpp"
#include "netadopt/core/rate_tree.hpp"

using netadopt::core::RateTree;

TEST_CASE("the total follows every update", "[core][rates]") {
  RateTree tree(5);
  tree.set(0, 1.0);
  tree.set(3, 2.5);
  CHECK(tree.total() == 3.5);
  tree.set(0, 0.0);
  CHECK(tree.total() == 2.5);
  CHECK(tree.rate(3) == 2.5);
  CHECK_THROWS_AS(tree.set(5, 1.0), std::out_of_range);
  CHECK_THROWS_AS(tree.set(1, -1.0), std::invalid_argument);
}

TEST_CASE("find maps cumulative intervals to entities", "[core][rates]") {
  RateTree tree(3);
  tree.set(0, 1.0);
  tree.set(1, 0.0);
  tree.set(2, 2.0);
  CHECK(tree.find(0.0) == 0);
  CHECK(tree.find(0.999) == 0);
  CHECK(tree.find(1.0) == 2);  // entity 1 has rate 0: never chosen
  CHECK(tree.find(2.999) == 2);
}

TEST_CASE("sampling is proportional to rate (chi-square)", "[core][rates]") {
  const std::vector<double> rates = {0.5, 1.0, 0.0, 2.0, 0.25, 4.0, 1.25};
  RateTree tree(rates.size());
  for (std::size_t i = 0; i < rates.size(); ++i) tree.set(i, rates[i]);
  netadopt::core::Stream s(3, 0, netadopt::core::purpose_id("tree"));
  const int n = 90000;
  std::vector<int> counts(rates.size(), 0);
  for (int i = 0; i < n; ++i) ++counts[tree.find(s.uniform01() * tree.total())];
  CHECK(counts[2] == 0);
  double chi2 = 0;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if (rates[i] == 0) continue;
    const double expected = n * rates[i] / tree.total();
    chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
  }
  CHECK(chi2 < 22.46);  // 99.9% quantile of chi-square, 6 degrees of freedom
}

TEST_CASE("the total does not drift after many updates", "[core][rates]") {
  RateTree tree(1000);
  netadopt::core::Stream s(5, 0, netadopt::core::purpose_id("drift"));
  for (int i = 0; i < 200000; ++i) tree.set(s.uniform_index(1000), s.uniform01() * 1e-3);
  for (std::size_t i = 0; i < 1000; ++i) tree.set(i, 0.0);
  CHECK(tree.total() == 0.0);  // exactly: parents are recomputed, not adjusted
}
