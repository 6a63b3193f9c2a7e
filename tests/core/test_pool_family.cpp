#include <catch2/catch.hpp>
#include <set>

#include "netadopt/core/pool_family.hpp"

using netadopt::core::PoolFamily;

TEST_CASE("pools hold disjoint members and track where each is", "[core][pools]") {
  PoolFamily pools(10, 3);
  for (std::uint32_t i = 0; i < 10; ++i) pools.insert(i % 3, i);
  CHECK(pools.size(0) == 4);
  CHECK(pools.size(1) == 3);
  pools.move(4, 2);
  CHECK(pools.pool_of(4) == 2);
  CHECK(pools.size(1) == 2);
  pools.remove(0);
  pools.remove(0);  // second remove is a no-op
  CHECK(pools.pool_of(0) == PoolFamily::kNoPool);
  CHECK(pools.size(0) == 3);
  std::set<std::uint32_t> zero;
  for (std::size_t k = 0; k < pools.size(0); ++k) zero.insert(pools.at(0, k));
  CHECK(zero == std::set<std::uint32_t>{3, 6, 9});
  CHECK_THROWS_AS(pools.insert(1, 3), std::logic_error);
}

TEST_CASE("pick is uniform over a pool (chi-square)", "[core][pools]") {
  PoolFamily pools(8, 2);
  for (std::uint32_t i = 0; i < 8; ++i) pools.insert(i < 5 ? 0 : 1, i);
  netadopt::core::Stream s(1, 0, netadopt::core::purpose_id("pool"));
  std::vector<int> counts(8, 0);
  const int n = 50000;
  for (int k = 0; k < n; ++k) ++counts[pools.pick(0, s)];
  double chi2 = 0;
  for (int i = 0; i < 5; ++i) chi2 += (counts[i] - n / 5.0) * (counts[i] - n / 5.0) / (n / 5.0);
  CHECK(chi2 < 18.47);  // 99.9% quantile, 4 degrees of freedom
  CHECK(counts[5] + counts[6] + counts[7] == 0);
}
