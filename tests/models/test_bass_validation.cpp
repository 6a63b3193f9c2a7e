// Validation of the Bass model against its analytic solution (see bass_reference.hpp for the
// derivation of the mean, its O(1/N) bias and its variance).
//
// Tolerance. At each checked time t the mean over R replications of x = A/N is compared with
// F(t) + m(t)/N; the difference is Gaussian with standard error se = sqrt(S(t) / (N R)). We
// accept |difference| < 4 se. Across the 2 x 10 checks of this file the chance of a false
// alarm is at most 20 x P(|Z| > 4) = 20 x 6.3e-5 = 0.13% (Bonferroni). A real error in the rates
// does not hide under this: a 1% error in q shifts x by ~2e-3 at the inflection, where
// se ~ 1.3e-3 / sqrt(R) = 2e-4 for N = 1e5, R = 40.
// The spread across replications is checked too: s^2 / sigma^2 ~ chi-square(R-1).
#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "bass_reference.hpp"
#include "netadopt/catalog/catalog.hpp"
#include "netadopt/run/full_schema.hpp"
#include "netadopt/run/runner.hpp"
#include "netadopt/scenario/date.hpp"
#include "netadopt/scenario/loader.hpp"

namespace {
using netadopt::testing::bass_moments;

using netadopt::scenario::kDaysPerYear;
constexpr int kN = 100000;
constexpr int kReplications = 40;

netadopt::run::RunResult run_bass(double p, double q, int years) {
  std::ostringstream ini;
  ini << "[run]\nmodel = bass\nseed = 2024\nreplications = " << kReplications
      << "\nstart = 2003-01-01\nend = " << 2003 + years << "-01-01\n"
      << "[output]\ninterval_days = 36.525\n[population]\nsize = " << kN << "\n"
      << "[bass]\np = " << p << "\nq = " << q << "\n";
  const auto s = netadopt::scenario::parse_scenario(netadopt::run::full_schema(), ini.str(),
                                                    "bass-validation");
  return netadopt::run::run_scenario(s);
}

// Shares x = A/N of every replication at reporting time index t.
std::vector<double> shares_at(const netadopt::run::RunResult& r, std::size_t t) {
  const auto& members = r.variable("members").values;
  std::vector<double> x;
  for (std::size_t rep = 0; rep < r.replications; ++rep)
    x.push_back(members[rep * r.times.size() + t] / kN);
  return x;
}

double mean(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double sample_variance(const std::vector<double>& x) {
  const double m = mean(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return ss / static_cast<double>(x.size() - 1);
}

void check_against_analytic(double p, double q, int years) {
  const auto result = run_bass(p, q, years);
  // Reports every 0.1 year; check at every whole year.
  for (int year = 1; year <= years; ++year) {
    const std::size_t t = static_cast<std::size_t>(year) * 10;
    REQUIRE(result.times[t] / kDaysPerYear == Approx(year));
    const auto ref = bass_moments(p, q, year);
    const double expected = ref.phi + ref.bias / kN;
    const double se = std::sqrt(ref.variance / (double(kN) * kReplications));
    INFO("p = " << p << ", q = " << q << ", year " << year << ": F = " << ref.phi
                << ", standard error " << se);
    CHECK(std::abs(mean(shares_at(result, t)) - expected) < 4 * se);
  }
}

// The variance across replications at the year of fastest growth, against the LNA variance.
void check_spread(double p, double q, int year) {
  const auto result = run_bass(p, q, year);
  const auto ref = bass_moments(p, q, year);
  const double ratio =
      sample_variance(shares_at(result, result.times.size() - 1)) / (ref.variance / kN);
  const boost::math::chi_squared chi2(kReplications - 1);
  const double df = kReplications - 1;
  INFO("sample variance / LNA variance = " << ratio);
  CHECK(ratio > boost::math::quantile(chi2, 0.0005) / df);
  CHECK(ratio < boost::math::quantile(chi2, 0.9995) / df);
}
}  // namespace

TEST_CASE("LNA variance reduces to the binomial variance when q = 0", "[bass][reference]") {
  for (double t : {0.5, 2.0, 7.0}) {
    const auto m = bass_moments(0.3, 0.0, t);
    CHECK(m.phi == Approx(1 - std::exp(-0.3 * t)).epsilon(1e-10));
    CHECK(m.variance == Approx(m.phi * (1 - m.phi)).epsilon(1e-8));
    CHECK(m.bias == Approx(0.0).margin(1e-12));
  }
  CHECK(bass_moments(0.03, 0.38, 5).phi == Approx(netadopt::testing::bass_F(0.03, 0.38, 5)));
}

TEST_CASE("Bass mean adoption matches F(t): classic p = 0.03, q = 0.38", "[bass][validation]") {
  check_against_analytic(0.03, 0.38, 10);
}

TEST_CASE("Bass mean adoption matches F(t): fast p = 0.2, q = 0.9", "[bass][validation]") {
  check_against_analytic(0.2, 0.9, 10);
}

TEST_CASE("Bass spread across replications matches the linear noise approximation",
          "[bass][validation]") {
  check_spread(0.03, 0.38, 6);
}
