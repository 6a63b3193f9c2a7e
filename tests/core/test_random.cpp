#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "netadopt/core/random.hpp"

using netadopt::core::purpose_id;
using netadopt::core::Stream;

TEST_CASE("SplitMix64 matches the reference sequence", "[core][random]") {
  std::uint64_t state = 1234567;  // reference vectors of Vigna's splitmix64.c
  CHECK(netadopt::core::splitmix64(state) == 6457827717110365317ULL);
  CHECK(netadopt::core::splitmix64(state) == 3203168211198807973ULL);
  CHECK(netadopt::core::splitmix64(state) == 9817491932198370423ULL);
}

TEST_CASE("xoshiro256** matches the reference sequence", "[core][random]") {
  auto s = Stream::from_state({1, 2, 3, 4});  // reference outputs of xoshiro256starstar.c
  const std::uint64_t expected[] = {11520ULL,
                                    0ULL,
                                    1509978240ULL,
                                    1215971899390074240ULL,
                                    1216172134540287360ULL,
                                    607988272756665600ULL};
  for (auto e : expected) CHECK(s.next_u64() == e);
}

TEST_CASE("streams are pinned: known outputs for a (seed, replication, purpose)",
          "[core][random]") {
  // Golden values, computed independently in Python from the published algorithms (SplitMix64
  // key folding, xoshiro256**, 53-bit uniforms, inversion with log1p, Lemire's bounded
  // integers). If they change, every stored result changes: change them only on purpose.
  Stream s(42, 0, purpose_id("test"));
  CHECK(s.next_u64() == 0x7acb8fbe24fb6b0cULL);
  CHECK(s.uniform01() == 0.5739045490182463);
  CHECK(s.exponential(1.0) == 0.4693584281517918);
  CHECK(s.uniform_index(1000) == 480);
}

TEST_CASE("different keys give different streams", "[core][random]") {
  Stream a(1, 0, purpose_id("x")), b(1, 1, purpose_id("x")), c(1, 0, purpose_id("y")),
      d(2, 0, purpose_id("x")), e(1, 0, purpose_id("x"));
  const auto va = a.next_u64();
  CHECK(va != b.next_u64());
  CHECK(va != c.next_u64());
  CHECK(va != d.next_u64());
  CHECK(va == e.next_u64());
}

TEST_CASE("uniform01 lies in the unit interval, 1 excluded, with mean 1/2 and variance 1/12",
          "[core][random]") {
  Stream s(7, 0, purpose_id("uniform"));
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform01();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  // Standard error of the mean: sqrt(1/12 / n) = 6.5e-4; 5 standard errors.
  CHECK(sum / n == Approx(0.5).margin(5 * std::sqrt(1.0 / 12 / n)));
  CHECK(sum2 / n - (sum / n) * (sum / n) == Approx(1.0 / 12).margin(0.002));
}

TEST_CASE("exponential has mean 1/rate and the right tail", "[core][random]") {
  Stream s(7, 0, purpose_id("exponential"));
  const int n = 200000;
  const double rate = 2.5;
  double sum = 0;
  int beyond = 0;  // P(X > 1) = exp(-2.5)
  for (int i = 0; i < n; ++i) {
    const double x = s.exponential(rate);
    REQUIRE(x >= 0.0);
    sum += x;
    beyond += x > 1.0;
  }
  // sd of X is 1/rate, so the mean's standard error is 1/(rate sqrt n).
  CHECK(sum / n == Approx(1 / rate).margin(5 / (rate * std::sqrt(n))));
  const double p = std::exp(-rate);
  CHECK(beyond / double(n) == Approx(p).margin(5 * std::sqrt(p * (1 - p) / n)));
}

// Pearson's chi-square of n draws against Poisson(mean), over the cells N <= lo, lo + 1, ...,
// hi - 1, N >= hi (hi - lo + 1 cells, so hi - lo degrees of freedom).
double poisson_chi_square(double mean, int lo, int hi, int n, std::uint64_t seed) {
  Stream s(seed, 0, purpose_id("poisson"));
  std::vector<double> observed(static_cast<std::size_t>(hi - lo + 1), 0.0);
  for (int i = 0; i < n; ++i) {
    const auto k = static_cast<int>(s.poisson(mean));
    observed[static_cast<std::size_t>(std::clamp(k, lo, hi) - lo)] += 1;
  }
  const auto pmf = [mean](int k) {
    return std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0));
  };
  std::vector<double> expected(observed.size(), 0.0);
  double below = 0.0;
  for (int k = 0; k <= lo; ++k) below += pmf(k);
  expected[0] = below;
  double inside = below;
  for (int k = lo + 1; k < hi; ++k) inside += expected[static_cast<std::size_t>(k - lo)] = pmf(k);
  expected.back() = 1.0 - inside;
  double chi2 = 0.0;
  for (std::size_t c = 0; c < observed.size(); ++c) {
    const double e = n * expected[c];
    chi2 += (observed[c] - e) * (observed[c] - e) / e;
  }
  return chi2;
}

TEST_CASE("poisson follows the Poisson law below and above the inversion limit (chi-square)",
          "[core][random]") {
  // 0.999 quantiles of chi-square with 4, 8 and 20 degrees of freedom.
  CHECK(poisson_chi_square(0.3, 0, 4, 200000, 1) < 18.47);
  CHECK(poisson_chi_square(2.5, 0, 8, 200000, 2) < 26.12);
  CHECK(poisson_chi_square(9.5, 0, 20, 200000, 3) < 45.31);
  CHECK(poisson_chi_square(25.0, 15, 35, 200000, 4) < 45.31);  // exponential gaps
  Stream s(5, 0, purpose_id("poisson"));
  CHECK(s.poisson(0.0) == 0);
}

TEST_CASE("poisson with a wrong exp(-mean) is wrong: the given value is used", "[core][random]") {
  Stream a(6, 0, purpose_id("poisson")), b(6, 0, purpose_id("poisson"));
  std::uint64_t with_right = 0, with_zero_chance = 0;
  for (int i = 0; i < 1000; ++i) {
    with_right += a.poisson(0.5, std::exp(-0.5)) == 0;
    with_zero_chance += b.poisson(0.5, 0.0) == 0;  // no mass at 0
  }
  CHECK(with_right > 500);
  CHECK(with_zero_chance == 0);
}

TEST_CASE("uniform_index is unbiased (chi-square over 10 cells)", "[core][random]") {
  Stream s(9, 0, purpose_id("index"));
  const int n = 100000, k = 10;
  std::vector<int> counts(k, 0);
  for (int i = 0; i < n; ++i) ++counts[s.uniform_index(k)];
  double chi2 = 0;
  for (int c : counts) chi2 += (c - n / k) * double(c - n / k) / (n / k);
  CHECK(chi2 < 27.88);  // 99.9% quantile of chi-square with 9 degrees of freedom
  CHECK_THROWS(s.uniform_index(0));
  CHECK(s.uniform_index(1) == 0);
}

TEST_CASE("purpose ids are stable FNV-1a hashes", "[core][random]") {
  static_assert(purpose_id("") == 0xcbf29ce484222325ULL);
  CHECK(purpose_id("a") == 0xaf63dc4c8601ec8cULL);  // FNV-1a reference value for "a"
}
